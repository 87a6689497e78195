"""`--emit ast`: the AST printed in the layout of the tutorial's ASTDumper (toyc -emit=ast)."""

from __future__ import annotations

from ir_studio.toy import ast_nodes as A
from ir_studio.toy.lexer import Location


def _loc(loc: Location) -> str:
    return f"@{loc.file}:{loc.line}:{loc.col}"


def _num(value: float) -> str:
    return f"{value:e}"


def _shape(shape: tuple[int, ...]) -> str:
    return "<" + ", ".join(str(d) for d in shape) + ">"


def _literal_text(node: A.Expr) -> str:
    if isinstance(node, A.Number):
        return _num(node.value)
    if isinstance(node, A.Literal):
        return _shape(node.dims) + "[ " + ", ".join(_literal_text(v) for v in node.values) + "]"
    return "<unexpected literal element>"


class _Dumper:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.level = 0

    def emit(self, text: str) -> None:
        self.lines.append("  " * self.level + text)

    def nested(self, node: A.Expr | A.Function | A.Struct | A.Module) -> None:
        self.level += 1
        try:
            self.node(node)
        finally:
            self.level -= 1

    def node(self, node: object) -> None:
        match node:
            case A.Module(items=items):
                self.emit("Module:")
                for item in items:
                    self.nested(item)
            case A.Struct(name=name, fields=fields, loc=loc):
                self.emit(f"Struct: {name} {_loc(loc)}")
                self.level += 1
                self.emit("Variables: [")
                for field in fields:
                    self.nested(field)
                self.emit("]")
                self.level -= 1
            case A.Function(proto=proto, body=body):
                self.emit("Function ")
                self.level += 1
                self.emit(f"Proto '{proto.name}' {_loc(proto.loc)}")
                self.emit("Params: [" + ", ".join(p.name for p in proto.params) + "]")
                self.emit("Block {")
                for expr in body:
                    self.nested(expr)
                self.emit("} // Block")
                self.level -= 1
            case A.VarDecl(name=name, type=vtype, init=init, loc=loc):
                spelled = vtype.name if vtype.name else _shape(vtype.shape)
                self.emit(f"VarDecl {name}{spelled} {_loc(loc)}")
                if init is not None:
                    self.nested(init)
            case A.Return(expr=expr):
                self.emit("Return")
                if expr is None:
                    self.level += 1
                    self.emit("(void)")
                    self.level -= 1
                else:
                    self.nested(expr)
            case A.Number(value=value, loc=loc):
                self.emit(f"{_num(value)} {_loc(loc)}")
            case A.Literal(loc=loc):
                self.emit(f"Literal: {_literal_text(node)} {_loc(loc)}")
            case A.StructLiteral(values=values, loc=loc):
                self.emit(f"Struct Literal: {_loc(loc)}")
                for value in values:
                    self.nested(value)
                self.emit("]")
            case A.VariableRef(name=name, loc=loc):
                self.emit(f"var: {name} {_loc(loc)}")
            case A.BinaryOp(op=op, lhs=lhs, rhs=rhs, loc=loc):
                self.emit(f"BinOp: {op} {_loc(loc)}")
                self.nested(lhs)
                self.nested(rhs)
            case A.Call(callee=callee, args=args, loc=loc):
                self.emit(f"Call '{callee}' [ {_loc(loc)}")
                for arg in args:
                    self.nested(arg)
                self.emit("]")
            case A.Print(arg=arg, loc=loc):
                self.emit(f"Print [ {_loc(loc)}")
                self.nested(arg)
                self.emit("]")
            case _:
                self.emit(f"<unknown Expr, kind {type(node).__name__}>")


def dump_ast(module: A.Module) -> str:
    """Render a module; the first line is indented one level, as toyc's dump is."""
    dumper = _Dumper()
    dumper.nested(module)
    return "\n".join(dumper.lines) + "\n"
