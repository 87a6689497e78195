"""Toy AST -> toy dialect (the tutorial's MLIRGen, Ch2 and Ch7), errors as values.

Every op carries the `.toy` location of the construct it comes from. A function with
an error is reported and skipped; the others are still generated, so one mistake does
not hide the rest of the file's diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xdsl.builder import Builder
from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseIntOrFPElementsAttr,
    FileLineColLoc,
    FunctionType,
    IntAttr,
    ModuleOp,
    StringAttr,
    TensorType,
    f64,
)
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.rewriter import InsertPoint

from ir_studio.toy import ast_nodes as A
from ir_studio.toy import dialect as toy
from ir_studio.toy.lexer import Location
from ir_studio.toy.types import UNRANKED, StructType


@dataclass(frozen=True)
class ToyError:
    """A Toy-level error: message and the Toy location it belongs to."""

    message: str
    loc: Location
    notes: tuple[tuple[str, Location], ...] = ()


class _Failed(Exception):
    def __init__(self, error: ToyError) -> None:
        self.error = error


@dataclass
class _Var:
    value: SSAValue
    decl_type: A.VarType


@dataclass
class _State:
    file: StringAttr
    structs: dict[str, A.Struct]
    struct_types: dict[str, StructType]
    functions: dict[str, toy.FuncOp] = field(default_factory=dict)
    ast_functions: dict[str, A.Function] = field(default_factory=dict)


def _flatten(lit: A.Literal) -> list[float]:
    out: list[float] = []
    for value in lit.values:
        if isinstance(value, A.Literal):
            out.extend(_flatten(value))
        else:
            assert isinstance(value, A.Number)
            out.append(value.value)
    return out


class _FunctionGen:
    """Generates one toy.func; raises _Failed at the first error in it."""

    def __init__(self, state: _State, func: A.Function) -> None:
        self.state = state
        self.func = func
        self.scope: dict[str, _Var] = {}
        self.block = Block()
        self.builder = Builder(InsertPoint.at_end(self.block))
        self.return_type: Attribute | None = None

    def loc(self, loc: Location) -> FileLineColLoc:
        return FileLineColLoc(self.state.file, IntAttr(loc.line), IntAttr(loc.col))

    def add(self, op: Operation, loc: Location) -> Operation:
        op.location = self.loc(loc)
        self.builder.insert(op)
        return op

    def fail(self, message: str, loc: Location) -> _Failed:
        return _Failed(ToyError(message, loc))

    def param_type(self, param: A.Param) -> Attribute:
        if param.type.name:
            return self.struct_type(param.type.name, param.loc)
        return UNRANKED

    def struct_type(self, name: str, loc: Location) -> StructType:
        if name not in self.state.struct_types:
            raise self.fail(f"unknown struct type '{name}'", loc)
        return self.state.struct_types[name]

    def generate(self) -> toy.FuncOp:
        proto = self.func.proto
        arg_types = [self.param_type(p) for p in proto.params]
        seen: set[str] = set()
        for param, arg_type in zip(proto.params, arg_types, strict=True):
            if param.name in seen:
                raise self.fail(f"parameter '{param.name}' is declared twice", param.loc)
            seen.add(param.name)
            arg = self.block.insert_arg(arg_type, len(self.block.args))
            arg.name_hint = param.name
            self.scope[param.name] = _Var(arg, param.type)
        for expr in self.func.body:
            self.statement(expr)
        last = self.block.last_op
        if not isinstance(last, toy.ReturnOp):
            self.add(toy.ReturnOp(), proto.loc)
        outputs = [self.return_type] if self.return_type is not None else []
        op = toy.FuncOp(
            proto.name,
            FunctionType.from_lists(arg_types, outputs),
            Region(self.block),
            private=proto.name != "main",
        )
        op.location = self.loc(proto.loc)
        return op

    def statement(self, expr: A.Expr) -> None:
        if isinstance(self.block.last_op, toy.ReturnOp):
            raise self.fail("statement after 'return' is never reached", _loc_of(expr))
        match expr:
            case A.VarDecl():
                self.declare(expr)
            case A.Return(expr=value, loc=loc):
                operand = None if value is None else self.expression(value)
                if operand is not None:
                    self.return_type = UNRANKED if _is_tensor(operand.type) else operand.type
                self.add(toy.ReturnOp(operand), loc)
            case A.Print(arg=arg, loc=loc):
                value = self.expression(arg)
                if isinstance(value.type, StructType):
                    raise self.fail("cannot print a struct; print one of its members", loc)
                self.add(toy.PrintOp(value), loc)
            case _:
                self.expression(expr)

    def declare(self, decl: A.VarDecl) -> None:
        if decl.name in self.scope:
            raise self.fail(f"variable '{decl.name}' is already declared", decl.loc)
        assert decl.init is not None
        if decl.type.name:
            expected = self.struct_type(decl.type.name, decl.loc)
            if isinstance(decl.init, A.StructLiteral):
                value = self.struct_literal(decl.init, expected)
            else:
                value = self.expression(decl.init)
            if value.type != expected:
                raise self.fail(
                    f"initializer of '{decl.name}' has type {value.type}, expected "
                    f"struct '{decl.type.name}' ({expected})",
                    decl.loc,
                )
        else:
            value = self.expression(decl.init)
            if decl.type.shape:
                if isinstance(value.type, StructType):
                    raise self.fail(
                        f"cannot reshape a struct into <{_dims(decl.type.shape)}>", decl.loc
                    )
                target = TensorType(f64, list(decl.type.shape))
                if isinstance(value.type, TensorType):
                    have = value.type.element_count()
                    if have != target.element_count():
                        raise self.fail(
                            f"cannot declare '{decl.name}' with shape <{_dims(decl.type.shape)}> "
                            f"({target.element_count()} elements) from a value of "
                            f"{have} elements",
                            decl.loc,
                        )
                value = self.add(toy.ReshapeOp(value, target), decl.loc).results[0]
        self.scope[decl.name] = _Var(value, decl.type)

    def expression(self, expr: A.Expr) -> SSAValue:
        match expr:
            case A.Number(value=value, loc=loc):
                attr = DenseIntOrFPElementsAttr.from_list(TensorType(f64, []), [value])
                return self.add(toy.ConstantOp(attr), loc).results[0]
            case A.Literal(loc=loc):
                attr = DenseIntOrFPElementsAttr.from_list(
                    TensorType(f64, list(expr.dims)), _flatten(expr)
                )
                return self.add(toy.ConstantOp(attr), loc).results[0]
            case A.StructLiteral(loc=loc):
                return self.struct_literal(expr, None)
            case A.VariableRef(name=name, loc=loc):
                if name not in self.scope:
                    raise self.fail(f"unknown variable '{name}'", loc)
                return self.scope[name].value
            case A.BinaryOp(op=".", loc=loc):
                return self.member(expr)
            case A.BinaryOp(op=op, lhs=lhs, rhs=rhs, loc=loc):
                left, right = self.expression(lhs), self.expression(rhs)
                for side in (left, right):
                    if isinstance(side.type, StructType):
                        raise self.fail(f"operator '{op}' does not apply to a struct", loc)
                if op == "+":
                    return self.add(toy.AddOp(left, right), loc).results[0]
                if op == "*":
                    return self.add(toy.MulOp(left, right), loc).results[0]
                raise self.fail(f"invalid binary operator '{op}'", loc)
            case A.Call():
                return self.call(expr)
            case A.VarDecl(loc=loc) | A.Return(loc=loc) | A.Print(loc=loc):
                raise self.fail("expected an expression that has a value", loc)
        raise self.fail("unsupported expression", _loc_of(expr))

    def call(self, call: A.Call) -> SSAValue:
        args = [self.expression(arg) for arg in call.args]
        if call.callee == "transpose":
            if len(args) != 1:
                raise self.fail(f"transpose takes exactly one argument, got {len(args)}", call.loc)
            if isinstance(args[0].type, StructType):
                raise self.fail("cannot transpose a struct", call.loc)
            return self.add(toy.TransposeOp(args[0]), call.loc).results[0]
        target = self.state.ast_functions.get(call.callee)
        if target is None:
            raise self.fail(f"unknown function '{call.callee}'", call.loc)
        want = len(target.proto.params)
        if want != len(args):
            plural = "" if want == 1 else "s"
            raise self.fail(
                f"function '{call.callee}' takes {want} argument{plural}, got {len(args)}", call.loc
            )
        for param, arg in zip(target.proto.params, args, strict=True):
            if param.type.name:
                expected = self.struct_type(param.type.name, param.loc)
                if arg.type != expected:
                    raise self.fail(
                        f"argument '{param.name}' of '{call.callee}' must be a struct "
                        f"'{param.type.name}', got {arg.type}",
                        call.loc,
                    )
            elif isinstance(arg.type, StructType):
                raise self.fail(
                    f"argument '{param.name}' of '{call.callee}' is a tensor, got a struct",
                    call.loc,
                )
        generated = self.state.functions.get(call.callee)
        outputs: list[Attribute] = [UNRANKED]
        if generated is not None:
            outputs = list(generated.function_type.outputs.data)
        op = self.add(toy.GenericCallOp(call.callee, args, outputs), call.loc)
        if not op.results:
            raise self.fail(f"function '{call.callee}' does not return a value", call.loc)
        return op.results[0]

    def member(self, expr: A.BinaryOp) -> SSAValue:
        if not isinstance(expr.lhs, A.VariableRef):
            raise self.fail("member access needs a struct variable on its left", expr.loc)
        var = self.scope.get(expr.lhs.name)
        if var is None:
            raise self.fail(f"unknown variable '{expr.lhs.name}'", expr.lhs.loc)
        if not var.decl_type.name or not isinstance(var.value.type, StructType):
            raise self.fail(f"'{expr.lhs.name}' is not a struct", expr.lhs.loc)
        if not isinstance(expr.rhs, A.VariableRef):
            raise self.fail("expected a member name after '.'", expr.loc)
        struct = self.state.structs[var.decl_type.name]
        names = [f.name for f in struct.fields]
        if expr.rhs.name not in names:
            raise self.fail(
                f"struct '{struct.name}' has no member '{expr.rhs.name}' "
                f"(members: {', '.join(names)})",
                expr.rhs.loc,
            )
        index = names.index(expr.rhs.name)
        result_type = var.value.type.elements.data[index]
        return self.add(toy.StructAccessOp(var.value, index, result_type), expr.loc).results[0]

    def struct_literal(self, lit: A.StructLiteral, expected: StructType | None) -> SSAValue:
        value, stype = self.struct_attr(lit, expected)
        return self.add(toy.StructConstantOp(value, stype), lit.loc).results[0]

    def struct_attr(
        self, lit: A.StructLiteral, expected: StructType | None
    ) -> tuple[ArrayAttr, StructType]:
        elements: list[Attribute] = []
        types: list[Attribute] = []
        expected_types = expected.elements.data if expected is not None else None
        if expected_types is not None and len(expected_types) != len(lit.values):
            raise self.fail(
                f"struct literal has {len(lit.values)} values but the struct has "
                f"{len(expected_types)} members",
                lit.loc,
            )
        for i, value in enumerate(lit.values):
            if isinstance(value, A.StructLiteral):
                inner = expected_types[i] if expected_types is not None else None
                attr, itype = self.struct_attr(
                    value, inner if isinstance(inner, StructType) else None
                )
                elements.append(attr)
                types.append(itype)
            elif isinstance(value, A.Literal):
                elements.append(
                    DenseIntOrFPElementsAttr.from_list(
                        TensorType(f64, list(value.dims)), _flatten(value)
                    )
                )
                types.append(UNRANKED)
            else:
                assert isinstance(value, A.Number)
                elements.append(
                    DenseIntOrFPElementsAttr.from_list(TensorType(f64, []), [value.value])
                )
                types.append(UNRANKED)
        return ArrayAttr(elements), expected if expected is not None else StructType(types)


def _is_tensor(t: Attribute) -> bool:
    return not isinstance(t, StructType)


def _dims(shape: tuple[int, ...]) -> str:
    return ", ".join(str(d) for d in shape)


def _loc_of(expr: A.Expr) -> Location:
    return expr.loc


@dataclass(frozen=True)
class IRGenResult:
    module: ModuleOp
    errors: tuple[ToyError, ...]


def _struct_types(module: A.Module) -> tuple[dict[str, StructType], list[ToyError]]:
    types: dict[str, StructType] = {}
    errors: list[ToyError] = []
    for struct in module.structs:
        if struct.name in types:
            errors.append(ToyError(f"struct '{struct.name}' is defined twice", struct.loc))
            continue
        members: list[Attribute] = []
        for member in struct.fields:
            if member.type.shape:
                errors.append(ToyError("struct members cannot have a shape", member.loc))
            if member.type.name:
                if member.type.name not in types:
                    errors.append(ToyError(f"unknown struct type '{member.type.name}'", member.loc))
                    members.append(UNRANKED)
                else:
                    members.append(types[member.type.name])
            else:
                members.append(UNRANKED)
        types[struct.name] = StructType(members)
    return types, errors


def generate(module: A.Module, file: str) -> IRGenResult:
    """Generate a builtin.module of toy.func ops; every error comes back as a value."""
    struct_types, errors = _struct_types(module)
    state = _State(StringAttr(file), {s.name: s for s in module.structs}, struct_types)
    for func in module.functions:
        if func.proto.name in state.ast_functions:
            errors.append(
                ToyError(f"function '{func.proto.name}' is defined twice", func.proto.loc)
            )
            continue
        state.ast_functions[func.proto.name] = func
    out = ModuleOp([])
    generated_names: set[str] = set()
    for func in module.functions:
        if func.proto.name in generated_names:
            continue
        generated_names.add(func.proto.name)
        try:
            op = _FunctionGen(state, func).generate()
        except _Failed as failed:
            errors.append(failed.error)
            continue
        state.functions[func.proto.name] = op
        out.body.block.add_op(op)
    return IRGenResult(out, tuple(errors))
