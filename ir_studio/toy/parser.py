"""Recursive-descent parser for Toy (tutorial Ch1, plus Ch7 structs).

Precedence as in the tutorial: `.` binds tighter than `*`, which binds tighter than
`+` and `-`. Errors are values (`ToyParseError`) carrying the exact location.
"""

from __future__ import annotations

from dataclasses import dataclass

from ir_studio.toy import ast_nodes as A
from ir_studio.toy.lexer import Kind, Location, Token, tokenize

_PRECEDENCE = {"-": 20, "+": 20, "*": 40, ".": 60}
MAX_NESTING = 200


@dataclass(frozen=True)
class ToyParseError(Exception):
    message: str
    loc: Location

    def __str__(self) -> str:
        return f"{self.loc}: error: {self.message}"


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        token = self.tokens[self.pos]
        if token.kind is not Kind.EOF:
            self.pos += 1
        return token

    def error(self, expected: str, context: str = "") -> ToyParseError:
        where = f" {context}" if context else ""
        return ToyParseError(
            f"expected {expected}{where}, found {self.tok.describe()}", self.tok.loc
        )

    def expect(self, char: str, context: str = "") -> Token:
        if not self.tok.is_punct(char):
            raise self.error(f"'{char}'", context)
        return self.advance()

    def nest(self) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ToyParseError(f"expression nested deeper than {MAX_NESTING} levels", self.tok.loc)

    # -- module level ---------------------------------------------------------
    def module(self) -> A.Module:
        items: list[A.Function | A.Struct] = []
        while self.tok.kind is not Kind.EOF:
            if self.tok.kind is Kind.KEYWORD and self.tok.text == "def":
                items.append(self.definition())
            elif self.tok.kind is Kind.KEYWORD and self.tok.text == "struct":
                items.append(self.struct())
            else:
                raise self.error("'def' or 'struct'", "at the top level")
        return A.Module(tuple(items))

    def struct(self) -> A.Struct:
        loc = self.advance().loc
        if self.tok.kind is not Kind.IDENT:
            raise self.error("a struct name")
        name = self.advance().text
        self.expect("{", "to start the struct body")
        fields: list[A.VarDecl] = []
        while not self.tok.is_punct("}"):
            fields.append(self.declaration(require_init=False))
            self.expect(";", "after a struct field")
        self.advance()
        return A.Struct(name, tuple(fields), loc)

    def definition(self) -> A.Function:
        loc = self.advance().loc
        if self.tok.kind is not Kind.IDENT:
            raise self.error("a function name", "after 'def'")
        name = self.advance().text
        self.expect("(", "in prototype")
        params: list[A.Param] = []
        if not self.tok.is_punct(")"):
            while True:
                if self.tok.kind is not Kind.IDENT:
                    raise self.error("a parameter name", "in prototype")
                first = self.advance()
                if self.tok.kind is Kind.IDENT:
                    second = self.advance()
                    params.append(A.Param(second.text, A.VarType(name=first.text), second.loc))
                else:
                    params.append(A.Param(first.text, A.VarType(), first.loc))
                if self.tok.is_punct(")"):
                    break
                self.expect(",", "or ')' in the parameter list")
        self.advance()
        proto = A.Prototype(name, tuple(params), loc)
        return A.Function(proto, self.block())

    def block(self) -> tuple[A.Expr, ...]:
        self.expect("{", "to start a block")
        body: list[A.Expr] = []
        while self.tok.is_punct(";"):
            self.advance()
        while not self.tok.is_punct("}"):
            if self.tok.kind is Kind.EOF:
                raise self.error("'}'", "to close the block")
            body.append(self.statement())
            if not self.tok.is_punct(";"):
                raise self.error("';'", "after expression")
            while self.tok.is_punct(";"):
                self.advance()
        self.advance()
        return tuple(body)

    def statement(self) -> A.Expr:
        tok = self.tok
        if tok.kind is Kind.KEYWORD and tok.text == "var":
            return self.declaration(require_init=True)
        if tok.kind is Kind.KEYWORD and tok.text == "return":
            self.advance()
            expr = None if self.tok.is_punct(";") else self.expression()
            return A.Return(expr, tok.loc)
        if tok.kind is Kind.IDENT and self.tokens[self.pos + 1].kind is Kind.IDENT:
            return self.declaration(require_init=True)
        return self.expression()

    def declaration(self, require_init: bool) -> A.VarDecl:
        loc = self.tok.loc
        vtype = A.VarType()
        if self.tok.kind is Kind.KEYWORD and self.tok.text == "var":
            self.advance()
        elif self.tok.kind is Kind.IDENT:
            vtype = A.VarType(name=self.advance().text)
        else:
            raise self.error("'var' or a struct type name", "to start a declaration")
        if self.tok.kind is not Kind.IDENT:
            raise self.error("an identifier", "after 'var'")
        name = self.advance().text
        if self.tok.is_punct("<"):
            vtype = A.VarType(shape=self.shape())
        init: A.Expr | None = None
        if require_init:
            self.expect("=", "in variable declaration")
            init = self.expression()
        return A.VarDecl(name, vtype, init, loc)

    def shape(self) -> tuple[int, ...]:
        self.advance()
        dims: list[int] = []
        while True:
            if self.tok.kind is not Kind.NUMBER:
                raise self.error("a dimension", "in a shape")
            text = self.advance().text
            if not text.isdigit():
                raise ToyParseError(
                    f"shape dimension '{text}' is not a whole number", self.tokens[self.pos - 1].loc
                )
            dims.append(int(text))
            if self.tok.is_punct(">"):
                self.advance()
                return tuple(dims)
            self.expect(",", "or '>' in a shape")

    # -- expressions ----------------------------------------------------------
    def expression(self) -> A.Expr:
        self.nest()
        try:
            return self.binary_rhs(0, self.primary())
        finally:
            self.depth -= 1

    def binary_rhs(self, min_prec: int, lhs: A.Expr) -> A.Expr:
        while True:
            op = self.tok
            prec = _PRECEDENCE.get(op.text, -1) if op.kind is Kind.PUNCT else -1
            if prec < min_prec or prec < 0:
                return lhs
            self.advance()
            loc = self.tok.loc  # toyc places a binary op at the start of its right operand
            rhs = self.primary()
            next_tok = self.tok
            next_prec = _PRECEDENCE.get(next_tok.text, -1) if next_tok.kind is Kind.PUNCT else -1
            if prec < next_prec:
                rhs = self.binary_rhs(prec + 1, rhs)
            lhs = A.BinaryOp(op.text, lhs, rhs, loc)

    def primary(self) -> A.Expr:
        tok = self.tok
        if tok.kind is Kind.IDENT:
            return self.identifier()
        if tok.kind is Kind.NUMBER:
            return self.number()
        if tok.is_punct("("):
            self.advance()
            self.nest()
            try:
                inner = self.expression()
            finally:
                self.depth -= 1
            self.expect(")", "to close the parenthesis")
            return inner
        if tok.is_punct("["):
            return self.literal()
        if tok.is_punct("{"):
            return self.struct_literal()
        raise self.error("an expression")

    def number(self) -> A.Number:
        tok = self.advance()
        try:
            return A.Number(float(tok.text), tok.loc)
        except ValueError:
            raise ToyParseError(f"malformed number '{tok.text}'", tok.loc) from None

    def identifier(self) -> A.Expr:
        tok = self.advance()
        if not self.tok.is_punct("("):
            return A.VariableRef(tok.text, tok.loc)
        self.advance()
        args: list[A.Expr] = []
        if not self.tok.is_punct(")"):
            while True:
                args.append(self.expression())
                if self.tok.is_punct(")"):
                    break
                self.expect(",", "or ')' in argument list")
        self.advance()
        if tok.text == "print":
            if len(args) != 1:
                raise ToyParseError(f"print takes exactly one argument, got {len(args)}", tok.loc)
            return A.Print(args[0], tok.loc)
        return A.Call(tok.text, tuple(args), tok.loc)

    def literal(self) -> A.Literal:
        loc = self.advance().loc
        self.nest()
        values: list[A.Expr] = []
        try:
            while True:
                if self.tok.is_punct("["):
                    values.append(self.literal())
                elif self.tok.kind is Kind.NUMBER:
                    values.append(self.number())
                else:
                    raise self.error("'[' or a number", "in a literal")
                if self.tok.is_punct("]"):
                    break
                self.expect(",", "or ']' in a literal")
        finally:
            self.depth -= 1
        self.advance()
        nested = [v for v in values if isinstance(v, A.Literal)]
        if nested and len(nested) != len(values):
            raise ToyParseError("a literal mixes nested tensors and numbers", loc)
        dims: tuple[int, ...] = (len(values),)
        if nested:
            inner = nested[0].dims
            for child in nested:
                if child.dims != inner:
                    raise ToyParseError(
                        "literal rows must have the same shape: expected "
                        f"<{', '.join(map(str, inner))}>, "
                        f"found <{', '.join(map(str, child.dims))}>",
                        child.loc,
                    )
            dims += inner
        return A.Literal(tuple(values), dims, loc)

    def struct_literal(self) -> A.StructLiteral:
        loc = self.advance().loc
        values: list[A.Expr] = []
        while True:
            if self.tok.is_punct("["):
                values.append(self.literal())
            elif self.tok.kind is Kind.NUMBER:
                values.append(self.number())
            elif self.tok.is_punct("{"):
                values.append(self.struct_literal())
            else:
                raise self.error("'[', '{' or a number", "in a struct literal")
            if self.tok.is_punct("}"):
                break
            self.expect(",", "or '}' in a struct literal")
        self.advance()
        return A.StructLiteral(tuple(values), loc)


def parse_toy(text: str, file: str = "<stdin>") -> A.Module:
    """Parse a whole Toy file; raises ToyParseError at the first syntax error."""
    return _Parser(tokenize(text, file)).module()
