"""The Toy AST: plain frozen records with the location of each construct.

Shapes follow the tutorial: a variable's declared shape is `()` when it has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from ir_studio.toy.lexer import Location


@dataclass(frozen=True)
class VarType:
    """A declared type: a shape (`var a<2, 3>`) or a struct name (`Point p`)."""

    shape: tuple[int, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Number:
    value: float
    loc: Location


@dataclass(frozen=True)
class Literal:
    """A tensor literal; `values` are Numbers or nested Literals, `dims` its shape."""

    values: tuple[Expr, ...]
    dims: tuple[int, ...]
    loc: Location


@dataclass(frozen=True)
class StructLiteral:
    values: tuple[Expr, ...]
    loc: Location


@dataclass(frozen=True)
class VariableRef:
    name: str
    loc: Location


@dataclass(frozen=True)
class VarDecl:
    name: str
    type: VarType
    init: Expr | None
    loc: Location


@dataclass(frozen=True)
class Return:
    expr: Expr | None
    loc: Location


@dataclass(frozen=True)
class BinaryOp:
    op: str
    lhs: Expr
    rhs: Expr
    loc: Location


@dataclass(frozen=True)
class Call:
    callee: str
    args: tuple[Expr, ...]
    loc: Location


@dataclass(frozen=True)
class Print:
    arg: Expr
    loc: Location


Expr = Number | Literal | StructLiteral | VariableRef | VarDecl | Return | BinaryOp | Call | Print


@dataclass(frozen=True)
class Param:
    name: str
    type: VarType
    loc: Location


@dataclass(frozen=True)
class Prototype:
    name: str
    params: tuple[Param, ...]
    loc: Location


@dataclass(frozen=True)
class Function:
    proto: Prototype
    body: tuple[Expr, ...]


@dataclass(frozen=True)
class Struct:
    name: str
    fields: tuple[VarDecl, ...]
    loc: Location


@dataclass(frozen=True)
class Module:
    items: tuple[Function | Struct, ...]

    @property
    def functions(self) -> tuple[Function, ...]:
        return tuple(item for item in self.items if isinstance(item, Function))

    @property
    def structs(self) -> tuple[Struct, ...]:
        return tuple(item for item in self.items if isinstance(item, Struct))
