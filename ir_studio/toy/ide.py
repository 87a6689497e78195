"""Editor support for Toy files: diagnostics (frontend and shape inference), and an
index of functions, parameters, variables and struct fields with the same interface as
the MLIR `DocumentIndex`, so the language server's navigation works unchanged."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ir_studio.diagnostics import Diagnostic
from ir_studio.ide.name_index import NameIndex
from ir_studio.index import Occurrence
from ir_studio.source import LineIndex, Span
from ir_studio.toy import ast_nodes as A
from ir_studio.toy.lexer import Location
from ir_studio.toy.parser import ToyParseError, parse_toy

if TYPE_CHECKING:
    from xdsl.dialects.builtin import ModuleOp

    from ir_studio.pipeline import Pipeline


def toy_diagnostics(text: str, file: str) -> list[Diagnostic]:
    return toy_check(text, file).diagnostics


Shapes = dict[tuple[int, int], set[str]]
OperandShapes = dict[tuple[int, int], set[tuple[str, ...]]]


@dataclass(frozen=True)
class ToyCheck:
    """One compilation of a Toy text: what the editor and `check` both report."""

    diagnostics: list[Diagnostic]
    shapes: Shapes
    ast: A.Module | None
    module: ModuleOp | None = None
    """The generated toy-dialect module before any pass (with `keep_module`)."""


def toy_check(text: str, file: str, *, keep_module: bool = False) -> ToyCheck:
    """Frontend errors, then (if it compiles) shape inference errors at their Toy line;
    and the inferred result types by Toy (line, column): after inlining, an expression of
    a generic function called with several shapes has one type per specialisation.
    With `keep_module` shape inference runs on a copy and the module stays as generated."""
    from ir_studio.pipeline import run_pipeline
    from ir_studio.toy.frontend import compile_toy

    program = compile_toy(text, file)
    if program.diagnostics or program.module is None:
        return ToyCheck(list(program.diagnostics), {}, program.ast)
    inferred = program.module.clone() if keep_module else program.module
    kept = program.module if keep_module else None
    run = run_pipeline(inferred, _SHAPE_PIPELINE.get(), record_ir=False)
    shapes = _shapes(inferred)
    failed = run.failed
    if failed is None:
        return ToyCheck([], shapes, program.ast, kept)
    lines = LineIndex(text)
    start = 0
    if failed.error_at is not None and failed.error_at[0] == file:
        start = lines.offset(failed.error_at[1] - 1, failed.error_at[2] - 1)
    message = failed.error or "shape inference failed"
    diagnostic = Diagnostic(Span(start, start + 1), message, category="verify")
    return ToyCheck([diagnostic], shapes, program.ast, kept)


class _Resolved:
    """The shape-inference pipeline, resolved on first use and then reused."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self._pipeline: Pipeline | None = None

    def get(self) -> Pipeline:
        if self._pipeline is None:
            from ir_studio.pipeline import resolve_pipeline

            self._pipeline = resolve_pipeline(self.spec)
        return self._pipeline


_SHAPE_PIPELINE = _Resolved("toy-inline,canonicalize,toy-shape-inference")


def _shapes(module: ModuleOp) -> Shapes:
    from xdsl.dialects.builtin import FileLineColLoc, TensorType

    shapes: dict[tuple[int, int], set[str]] = {}
    for op in module.walk():
        loc = op.location
        if op.name == "toy.cast":
            continue  # inlining gives argument casts the call's location, not its value
        if isinstance(loc, FileLineColLoc) and op.operands:
            key = ("operands", loc.line.data, loc.column.data)
            shapes.setdefault(key, set()).add(  # pyright: ignore[reportArgumentType]  # ('operands', line, col) keys hold operand-type tuples
                tuple(str(v.type) for v in op.operands)  # pyright: ignore[reportArgumentType]  # ('operands', line, col) keys hold operand-type tuples
            )
        if (
            isinstance(loc, FileLineColLoc)
            and op.results
            and isinstance(op.results[0].type, TensorType)
        ):
            shapes.setdefault((loc.line.data, loc.column.data), set()).add(str(op.results[0].type))
    return shapes


@dataclass(frozen=True)
class _Entry:
    kind: str  # function-def, function-use, var-def, var-use, struct-def, field-def, field-use
    name: str
    span: Span
    scope: str


class ToyIndex(NameIndex):
    """Occurrences of names in a Toy file (empty if it does not parse)."""

    def __init__(
        self,
        text: str,
        shapes: dict[tuple[int, int], set[str]] | None = None,
        ast: A.Module | None = None,
        *,
        parse: bool = True,
    ) -> None:
        """`ast`: the file's AST from its one compilation (`parse=False`: the text did not
        parse, do not try again); without it the text is parsed here."""
        self.text = text
        self.shapes = shapes or {}
        self.decls: dict[tuple[str, str], Location] = {}
        """(function, variable) -> location of the expression that initialises it."""
        self.uses: dict[tuple[str, str], list[tuple[Location, int]]] = {}
        """(function, variable) -> (location of the op consuming it, operand index)."""
        self.lines = LineIndex(text)
        self.entries: list[_Entry] = []
        self.module: A.Module | None = ast
        if self.module is None and parse:
            try:
                self.module = parse_toy(text, "<toy>")
            except ToyParseError:
                return
        if self.module is None:
            return
        self._collect(self.module)
        self.entries.sort(key=lambda e: e.span.start)

    def _span(self, loc: Location, name: str, skip_keyword: bool = False) -> Span:
        start = self.lines.offset(loc.line - 1, loc.col - 1)
        if skip_keyword or not self.text.startswith(name, start):
            found = re.compile(r"\b" + re.escape(name) + r"\b").search(self.text, start)
            if found is not None:
                start = found.start()
        return Span(start, start + len(name))

    def _collect(self, module: A.Module) -> None:
        for struct in module.structs:
            self.entries.append(
                _Entry("struct-def", struct.name, self._span(struct.loc, struct.name, True), "")
            )
            for member in struct.fields:
                self.entries.append(
                    _Entry(
                        "field-def",
                        member.name,
                        self._span(member.loc, member.name, True),
                        struct.name,
                    )
                )
        for func in module.functions:
            scope = func.proto.name
            self.entries.append(
                _Entry("function-def", scope, self._span(func.proto.loc, scope, True), "")
            )
            for param in func.proto.params:
                self.entries.append(
                    _Entry("var-def", param.name, self._span(param.loc, param.name), scope)
                )
            for expr in func.body:
                self._expr(expr, scope)

    def _expr(self, node: A.Expr | None, scope: str) -> None:
        match node:
            case A.VarDecl(name=name, init=init, loc=loc, type=vtype):
                self.entries.append(_Entry("var-def", name, self._span(loc, name, True), scope))
                if init is not None:
                    self.decls[(scope, name)] = loc if vtype.shape else init.loc
                self._expr(init, scope)
            case A.VariableRef(name=name, loc=loc):
                self.entries.append(_Entry("var-use", name, self._span(loc, name), scope))
            case A.BinaryOp(op=".", lhs=lhs, rhs=A.VariableRef(name=field, loc=loc)):
                self._expr(lhs, scope)
                self.entries.append(_Entry("field-use", field, self._span(loc, field), ""))
            case A.BinaryOp(lhs=lhs, rhs=rhs, loc=loc):
                for index, side in enumerate((lhs, rhs)):
                    if isinstance(side, A.VariableRef):
                        self.uses.setdefault((scope, side.name), []).append((loc, index))
                self._expr(lhs, scope)
                self._expr(rhs, scope)
            case A.Call(callee=callee, args=args, loc=loc):
                if callee == "transpose" and args and isinstance(args[0], A.VariableRef):
                    self.uses.setdefault((scope, args[0].name), []).append((loc, 0))
                if callee != "transpose":
                    self.entries.append(_Entry("function-use", callee, self._span(loc, callee), ""))
                for arg in args:
                    self._expr(arg, scope)
            case A.Print(arg=A.VariableRef(name=name) as arg, loc=loc):
                self.uses.setdefault((scope, name), []).append((loc, 0))
                self._expr(arg, scope)
            case A.Print(arg=arg) | A.Return(expr=arg):
                self._expr(arg, scope)
            case A.Literal(values=values) | A.StructLiteral(values=values):
                for value in values:
                    self._expr(value, scope)
            case _:
                pass

    # -- the DocumentIndex interface ------------------------------------------------
    def _here(self, offset: int) -> _Entry | None:
        return next((e for e in self.entries if e.span.start <= offset <= e.span.end), None)

    def at(self, offset: int) -> Occurrence | None:
        entry = self._here(offset)
        if entry is None:
            return None
        return Occurrence(
            "toy-" + entry.kind, entry.span, (entry.kind.split("-")[0], entry.name, entry.scope)
        )

    def _related(self, offset: int) -> list[_Entry]:
        here = self._here(offset)
        if here is None:
            return []
        family = here.kind.split("-")[0]
        same = [
            e
            for e in self.entries
            if e.kind.split("-")[0] == family
            and e.name == here.name
            and (family != "var" or e.scope == here.scope)
        ]
        return sorted(same, key=lambda e: (not e.kind.endswith("-def"), e.span.start))

    def hover(self, offset: int) -> tuple[str, Span] | None:
        """A variable's shape; one line per specialisation of a generic function."""
        here = self._here(offset)
        if here is None:
            return None
        if here.kind.startswith("var"):
            loc = self.decls.get((here.scope, here.name))
            shapes = sorted(self.shapes.get((loc.line, loc.col), ())) if loc is not None else []
            if not shapes:  # a parameter, or a variable set from a call: read its uses
                shapes = self._shapes_at_uses(here.scope, here.name)
            if not shapes:
                return f"**{here.name}**: shape not inferred", here.span
            listed = "\n".join(f"- `{s}`" for s in shapes)
            note = " (one per specialisation)" if len(shapes) > 1 else ""
            return f"**{here.name}**{note}\n\n{listed}", here.span
        kind = {"function": "function", "struct": "struct", "field": "struct member"}
        return f"**{here.name}**: {kind.get(here.kind.split('-')[0], here.kind)}", here.span

    def _shapes_at_uses(self, scope: str, name: str) -> list[str]:
        """A parameter's shapes, read off the ops that consume it: after inlining, each
        specialisation has its own copy of those ops."""
        found: set[str] = set()
        for loc, index in self.uses.get((scope, name), ()):
            for operand_types in self.shapes.get(("operands", loc.line, loc.col), ()):  # pyright: ignore[reportCallIssue, reportArgumentType]  # ('operands', line, col) keys hold operand-type tuples
                if index < len(operand_types) and "*" not in operand_types[index]:
                    found.add(operand_types[index])
        return sorted(found)


def toy_completions(index: ToyIndex, text: str, offset: int) -> list[tuple[str, str]]:
    """(label, kind) for the cursor: struct members after `.`, else builtins, functions
    and the variables of the function around the cursor."""
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    word = re.search(r"[A-Za-z_]\w*$", before)
    prefix = word.group(0) if word else ""
    head = before[: len(before) - len(prefix)]
    if head.endswith("."):
        names = sorted({e.name for e in index.entries if e.kind == "field-def"})
        return [(n, "field") for n in names if n.startswith(prefix)]
    scope = ""
    for entry in index.entries:
        if entry.kind == "function-def" and entry.span.start <= offset:
            scope = entry.name
    out = [(b, "builtin") for b in ("print", "transpose")]
    out += [(e.name, "function") for e in index.entries if e.kind == "function-def"]
    seen: set[str] = set()
    for entry in index.entries:
        if entry.kind == "var-def" and entry.scope == scope and entry.name not in seen:
            seen.add(entry.name)
            out.append((entry.name, "variable"))
    return [(n, k) for n, k in out if n.startswith(prefix)]
