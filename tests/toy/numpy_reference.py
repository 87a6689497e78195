"""An independent numpy interpreter of the Toy AST: the reference the compiled
programs are checked against. It shares nothing with the IR path but the parser."""

from __future__ import annotations

import numpy as np

from ir_studio.toy import ast_nodes as A


def _fmt(a: np.ndarray) -> str:
    if a.ndim == 0:
        return f"{float(a):f} "
    sep = "\n" if a.ndim > 1 else ""
    return "".join(_fmt(row) + sep for row in a)


class _Return(Exception):
    def __init__(self, value: object) -> None:
        self.value = value


def run_ast(module: A.Module) -> str:
    funcs = {f.proto.name: f for f in module.functions}
    structs = {s.name: [m.name for m in s.fields] for s in module.structs}
    out: list[str] = []

    def lit(node: A.Expr) -> object:
        if isinstance(node, A.Number):
            return np.array(node.value)
        if isinstance(node, A.Literal):
            return np.array([lit(v) for v in node.values], dtype=float)
        assert isinstance(node, A.StructLiteral)
        return tuple(lit(v) for v in node.values)

    def call(name: str, args: list[object]) -> object:
        func = funcs[name]
        env: dict[str, tuple[object, A.VarType]] = {
            p.name: (a, p.type) for p, a in zip(func.proto.params, args, strict=True)
        }
        try:
            for stmt in func.body:
                execute(stmt, env)
        except _Return as ret:
            return ret.value
        return None

    def evaluate(node: A.Expr, env: dict) -> object:
        match node:
            case A.Number() | A.Literal() | A.StructLiteral():
                return lit(node)
            case A.VariableRef(name=name):
                return env[name][0]
            case A.BinaryOp(op=".", lhs=A.VariableRef(name=var), rhs=A.VariableRef(name=member)):
                value, vtype = env[var]
                return value[structs[vtype.name].index(member)]
            case A.BinaryOp(op=op, lhs=lhs, rhs=rhs):
                a, b = evaluate(lhs, env), evaluate(rhs, env)
                return a + b if op == "+" else a * b
            case A.Call(callee="transpose", args=(arg,)):
                return np.transpose(evaluate(arg, env))
            case A.Call(callee=callee, args=args):
                return call(callee, [evaluate(a, env) for a in args])
        raise AssertionError(f"unexpected {node}")

    def execute(stmt: A.Expr, env: dict) -> None:
        match stmt:
            case A.VarDecl(name=name, type=vtype, init=init):
                value = evaluate(init, env)
                if vtype.shape:
                    value = np.reshape(value, vtype.shape)
                env[name] = (value, vtype)
            case A.Print(arg=arg):
                out.append(_fmt(np.asarray(evaluate(arg, env), dtype=float)))
            case A.Return(expr=expr):
                raise _Return(None if expr is None else evaluate(expr, env))
            case _:
                evaluate(stmt, env)

    call("main", [])
    return "".join(out)
