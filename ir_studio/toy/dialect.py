"""The `toy` dialect with the tutorial's custom assembly syntax.

Shape inference is an interface-like protocol (`InfersShape`): an op that can compute
its result type from its operands says so; the pass only asks. Canonicalization
patterns attach through xDSL's trait so the shared `canonicalize` pass runs them.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseIntOrFPElementsAttr,
    FunctionType,
    IntegerAttr,
    StringAttr,
    SymbolRefAttr,
    TensorType,
    i64,
)
from xdsl.dialects.utils import parse_func_op_like, print_func_op_like
from xdsl.ir import Attribute, Dialect, Operation, Region, SSAValue
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser, UnresolvedOperand
from xdsl.pattern_rewriter import RewritePattern
from xdsl.printer import Printer
from xdsl.traits import (
    CallableOpInterface,
    HasCanonicalizationPatternsTrait,
    HasParent,
    IsolatedFromAbove,
    IsTerminator,
    Pure,
    SymbolOpInterface,
)
from xdsl.utils.exceptions import VerifyException

from ir_studio.toy.types import (
    UNRANKED,
    StructType,
    is_f64_tensor,
    is_printable,
    is_toy_value_type,
)


class InfersShape:
    """Ops that can compute a ranked result type once their operands are ranked."""

    def infer_result_type(self) -> Attribute | None:
        """The ranked result type, or None while an operand is still unranked."""
        raise NotImplementedError


def _check_value(value: SSAValue, what: str) -> None:
    if not is_toy_value_type(value.type):
        raise VerifyException(f"{what} must be a tensor of f64 values, got {value.type}")


def _canonicalization(*names: str) -> HasCanonicalizationPatternsTrait:
    """A trait whose patterns are looked up lazily in the Ch3/Ch7 pattern module."""

    class _Trait(HasCanonicalizationPatternsTrait):
        @classmethod
        def get_canonicalization_patterns(cls) -> tuple[RewritePattern, ...]:
            from ir_studio.toy.passes import canonicalize

            return tuple(getattr(canonicalize, name)() for name in names)

    return _Trait()


class _FuncCallable(CallableOpInterface):
    @classmethod
    def get_callable_region(cls, op: Operation) -> Region:
        assert isinstance(op, FuncOp)
        return op.body

    @classmethod
    def get_argument_types(cls, op: Operation) -> tuple[Attribute, ...]:
        assert isinstance(op, FuncOp)
        return op.function_type.inputs.data

    @classmethod
    def get_result_types(cls, op: Operation) -> tuple[Attribute, ...]:
        assert isinstance(op, FuncOp)
        return op.function_type.outputs.data


@irdl_op_definition
class FuncOp(IRDLOperation):
    """A Toy function: `toy.func private @f(%arg0: tensor<*xf64>) -> tensor<*xf64> {...}`."""

    name = "toy.func"
    body = region_def()
    sym_name = prop_def(StringAttr)
    function_type = prop_def(FunctionType)
    sym_visibility = opt_prop_def(StringAttr)
    traits = traits_def(IsolatedFromAbove(), SymbolOpInterface(), _FuncCallable())

    def __init__(
        self, name: str, ftype: FunctionType, region: Region, private: bool = False
    ) -> None:
        props: dict[str, Attribute | None] = {
            "sym_name": StringAttr(name),
            "function_type": ftype,
            "sym_visibility": StringAttr("private") if private else None,
        }
        super().__init__(properties=props, regions=[region])

    def verify_(self) -> None:
        if self.body.blocks and self.body.blocks.first is not None:
            if tuple(self.body.blocks.first.arg_types) != self.function_type.inputs.data:
                raise VerifyException("entry block arguments must match the function's input types")

    @classmethod
    def parse(cls, parser: Parser) -> FuncOp:
        visibility = parser.parse_optional_visibility_keyword()
        name, inputs, outputs, region, extra, _, _ = parse_func_op_like(
            parser, reserved_attr_names=("sym_name", "function_type", "sym_visibility")
        )
        op = cls(name, FunctionType.from_lists(inputs, outputs), region)
        if visibility is not None:
            op.sym_visibility = visibility
        if extra is not None:
            op.attributes |= extra.data
        return op

    def print(self, printer: Printer) -> None:
        if self.sym_visibility is not None:
            printer.print_string(f" {self.sym_visibility.data}")
        print_func_op_like(
            printer,
            self.sym_name,
            self.function_type,
            self.body,
            self.attributes,
            reserved_attr_names=("sym_name", "function_type", "sym_visibility"),
        )


@irdl_op_definition
class ConstantOp(IRDLOperation):
    """`toy.constant dense<[1.0, 2.0]> : tensor<2xf64>`: a literal as an SSA value."""

    name = "toy.constant"
    value = prop_def(DenseIntOrFPElementsAttr)
    res = result_def(TensorType)
    traits = traits_def(Pure())

    def __init__(self, value: DenseIntOrFPElementsAttr) -> None:
        super().__init__(properties={"value": value}, result_types=[value.type])

    def verify_(self) -> None:
        if self.res.type != self.value.type:
            raise VerifyException(
                f"return type {self.res.type} must match the one of the attached value "
                f"attribute {self.value.type}"
            )
        if not is_f64_tensor(self.res.type):
            raise VerifyException(f"a Toy constant must be a tensor of f64, got {self.res.type}")

    @classmethod
    def parse(cls, parser: Parser) -> ConstantOp:
        attrs = parser.parse_optional_attr_dict()
        value = parser.parse_attribute()
        if not isinstance(value, DenseIntOrFPElementsAttr):
            parser.raise_error("expected a dense elements attribute")
        op = cls(value)
        op.attributes |= attrs
        return op

    def print(self, printer: Printer) -> None:
        printer.print_op_attributes(self.attributes)
        printer.print_string(" ")
        printer.print_attribute(self.value)


class _BinaryOp(IRDLOperation, InfersShape):
    """Element-wise binary ops; printed `%a, %b : T` or with a functional type."""

    lhs = operand_def(AnyAttr())
    rhs = operand_def(AnyAttr())
    res = result_def(AnyAttr())
    traits = traits_def(Pure())

    def __init__(self, lhs: SSAValue, rhs: SSAValue, result_type: Attribute = UNRANKED) -> None:
        super().__init__(operands=[lhs, rhs], result_types=[result_type])

    def verify_(self) -> None:
        _check_value(self.lhs, "left operand")
        _check_value(self.rhs, "right operand")
        shapes = {
            tuple(v.type.get_shape())
            for v in (self.lhs, self.rhs, self.res)
            if isinstance(v.type, TensorType)
        }
        if len(shapes) > 1:
            raise VerifyException(f"operand and result shapes must match, got {sorted(shapes)}")

    def infer_result_type(self) -> Attribute | None:
        for value in (self.lhs, self.rhs):
            if isinstance(value.type, TensorType):
                return value.type
        return None

    @classmethod
    def parse(cls, parser: Parser) -> _BinaryOp:
        pos = parser.pos
        lhs = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        rhs = parser.parse_unresolved_operand()
        attrs = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        ftype = parser.parse_type()
        if isinstance(ftype, FunctionType):
            if len(ftype.inputs) != 2 or len(ftype.outputs) != 1:
                parser.raise_error("expected a function type with two inputs and one result", pos)
            types = list(ftype.inputs.data)
            result = ftype.outputs.data[0]
        else:
            types, result = [ftype, ftype], ftype
        operands = parser.resolve_operands([lhs, rhs], types, pos)
        op = cls(operands[0], operands[1], result)
        op.attributes |= attrs
        return op

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.lhs)
        printer.print_string(", ")
        printer.print_operand(self.rhs)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        if self.lhs.type == self.res.type == self.rhs.type:
            printer.print_attribute(self.res.type)
        else:
            printer.print_function_type([self.lhs.type, self.rhs.type], [self.res.type])


@irdl_op_definition
class AddOp(_BinaryOp):
    """Element-wise addition of two tensors of the same shape."""

    name = "toy.add"


@irdl_op_definition
class MulOp(_BinaryOp):
    """Element-wise multiplication of two tensors of the same shape."""

    name = "toy.mul"


@irdl_op_definition
class TransposeOp(IRDLOperation, InfersShape):
    """`toy.transpose(%0 : tensor<2x3xf64>) to tensor<3x2xf64>`: reverse the dimensions."""

    name = "toy.transpose"
    input = operand_def(AnyAttr())
    res = result_def(AnyAttr())
    traits = traits_def(Pure(), _canonicalization("SimplifyRedundantTranspose"))
    assembly_format = "`(` $input `:` type($input) `)` attr-dict `to` type($res)"

    def __init__(self, value: SSAValue, result_type: Attribute = UNRANKED) -> None:
        super().__init__(operands=[value], result_types=[result_type])

    def verify_(self) -> None:
        _check_value(self.input, "operand")
        _check_value(self.res, "result")
        if isinstance(self.input.type, TensorType) and isinstance(self.res.type, TensorType):
            if tuple(self.input.type.get_shape())[::-1] != tuple(self.res.type.get_shape()):
                raise VerifyException("expected result shape to be a transpose of the input")

    def infer_result_type(self) -> Attribute | None:
        if isinstance(self.input.type, TensorType):
            return TensorType(self.input.type.element_type, list(self.input.type.get_shape())[::-1])
        return None


@irdl_op_definition
class ReshapeOp(IRDLOperation):
    """`toy.reshape(%0 : tensor<6xf64>) to tensor<2x3xf64>`: same elements, new shape."""

    name = "toy.reshape"
    input = operand_def(AnyAttr())
    res = result_def(TensorType)
    traits = traits_def(
        Pure(),
        _canonicalization(
            "ReshapeReshapeOptPattern",
            "RedundantReshapeOptPattern",
            "FoldConstantReshapeOptPattern",
        ),
    )
    assembly_format = "`(` $input `:` type($input) `)` attr-dict `to` type($res)"

    def __init__(self, value: SSAValue, result_type: TensorType) -> None:
        super().__init__(operands=[value], result_types=[result_type])

    def verify_(self) -> None:
        _check_value(self.input, "operand")
        _check_value(self.res, "result")
        if isinstance(self.input.type, TensorType) and isinstance(self.res.type, TensorType):
            if self.input.type.element_count() != self.res.type.element_count():
                raise VerifyException(
                    f"cannot reshape {self.input.type} "
                    f"({self.input.type.element_count()} elements) "
                    f"to {self.res.type} ({self.res.type.element_count()} elements)"
                )


@irdl_op_definition
class CastOp(IRDLOperation, InfersShape):
    """`toy.cast %0 : tensor<2x3xf64> to tensor<*xf64>`: forget or recover a shape."""

    name = "toy.cast"
    input = operand_def(AnyAttr())
    res = result_def(AnyAttr())
    traits = traits_def(Pure(), _canonicalization("FoldIdentityCast"))
    assembly_format = "$input attr-dict `:` type($input) `to` type($res)"

    def __init__(self, value: SSAValue, result_type: Attribute) -> None:
        super().__init__(operands=[value], result_types=[result_type])

    def verify_(self) -> None:
        _check_value(self.input, "operand")
        _check_value(self.res, "result")
        a, b = self.input.type, self.res.type
        if isinstance(a, TensorType) and isinstance(b, TensorType) and a != b:
            raise VerifyException(f"cast between incompatible shapes: {a} to {b}")

    def infer_result_type(self) -> Attribute | None:
        return self.input.type if isinstance(self.input.type, TensorType) else None


@irdl_op_definition
class GenericCallOp(IRDLOperation):
    """`toy.generic_call @f(%0, %1) : (tensor<*xf64>, ...) -> tensor<*xf64>`."""

    name = "toy.generic_call"
    callee = prop_def(SymbolRefAttr)
    inputs = var_operand_def(AnyAttr())
    res = var_result_def(AnyAttr())
    assembly_format = "$callee `(` $inputs `)` attr-dict `:` functional-type($inputs, $res)"

    def __init__(
        self, callee: str, args: Sequence[SSAValue], result_types: Sequence[Attribute]
    ) -> None:
        super().__init__(
            operands=[args],
            result_types=[result_types],
            properties={"callee": SymbolRefAttr(callee)},
        )


@irdl_op_definition
class PrintOp(IRDLOperation):
    """`toy.print %0 : tensor<2x3xf64>` (after Ch5: a memref)."""

    name = "toy.print"
    input = operand_def(AnyAttr())
    assembly_format = "$input attr-dict `:` type($input)"

    def __init__(self, value: SSAValue) -> None:
        super().__init__(operands=[value])

    def verify_(self) -> None:
        if not is_printable(self.input.type):
            raise VerifyException(
                f"can only print a tensor or memref of f64, got {self.input.type}"
            )


@irdl_op_definition
class ReturnOp(IRDLOperation):
    """`toy.return %0 : tensor<*xf64>`, or `toy.return` from a function without result."""

    name = "toy.return"
    input = opt_operand_def(AnyAttr())
    traits = traits_def(IsTerminator(), HasParent(FuncOp))
    assembly_format = "attr-dict ($input^ `:` type($input))?"

    def __init__(self, value: SSAValue | None = None) -> None:
        super().__init__(operands=[[value] if value is not None else []])

    def verify_(self) -> None:
        func = self.parent_op()
        assert isinstance(func, FuncOp)
        results = func.function_type.outputs.data
        count = 0 if self.input is None else 1
        if count != len(results):
            raise VerifyException(
                f"does not return the same number of values ({count}) as the enclosing "
                f"function ({len(results)})"
            )
        if self.input is not None:
            got, want = self.input.type, results[0]
            compatible = got == want or not (
                isinstance(got, TensorType) and isinstance(want, TensorType)
            )
            if not compatible:
                raise VerifyException(
                    f"type of return operand ({got}) doesn't match function result type ({want})"
                )


@irdl_op_definition
class StructConstantOp(IRDLOperation):
    """`toy.struct_constant [dense<...> : tensor<2xf64>, ...] : !toy.struct<...>` (Ch7)."""

    name = "toy.struct_constant"
    value = prop_def(ArrayAttr)
    res = result_def(StructType)
    traits = traits_def(Pure())
    assembly_format = "$value attr-dict `:` type($res)"

    def __init__(self, value: ArrayAttr, result_type: StructType) -> None:
        super().__init__(properties={"value": value}, result_types=[result_type])

    def verify_(self) -> None:
        _verify_struct_value(self.value, self.res.type)


def _verify_struct_value(value: ArrayAttr, stype: Attribute) -> None:
    if not isinstance(stype, StructType):
        raise VerifyException(f"expected a struct type, got {stype}")
    elements = stype.elements.data
    if len(value.data) != len(elements):
        raise VerifyException(
            f"struct constant has {len(value.data)} elements but its type has {len(elements)}"
        )
    for element, etype in zip(value.data, elements, strict=True):
        if isinstance(element, ArrayAttr):
            _verify_struct_value(element, etype)
        elif not isinstance(element, DenseIntOrFPElementsAttr):
            raise VerifyException(f"struct constant element {element} is not a dense tensor")


@irdl_op_definition
class StructAccessOp(IRDLOperation):
    """`toy.struct_access %0[1] : !toy.struct<...> -> tensor<*xf64>` (Ch7)."""

    name = "toy.struct_access"
    input = operand_def(StructType)
    index = prop_def(IntegerAttr)
    res = result_def(AnyAttr())
    traits = traits_def(Pure(), _canonicalization("FoldStructAccessOfConstant"))

    def __init__(self, value: SSAValue, index: int, result_type: Attribute) -> None:
        super().__init__(
            operands=[value],
            result_types=[result_type],
            properties={"index": IntegerAttr(index, i64)},
        )

    def verify_(self) -> None:
        stype = self.input.type
        assert isinstance(stype, StructType)
        idx = self.index.value.data
        if not 0 <= idx < len(stype.elements.data):
            raise VerifyException(
                f"index {idx} is out of range for a struct of {len(stype.elements.data)} elements"
            )
        if stype.elements.data[idx] != self.res.type:
            raise VerifyException(
                f"must have the same result type as the struct element {idx} "
                f"({stype.elements.data[idx]})"
            )

    @classmethod
    def parse(cls, parser: Parser) -> StructAccessOp:
        pos = parser.pos
        operand: UnresolvedOperand = parser.parse_unresolved_operand()
        parser.parse_punctuation("[")
        index = parser.parse_integer(allow_boolean=False, allow_negative=False)
        parser.parse_punctuation("]")
        attrs = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        stype = parser.parse_type()
        parser.parse_punctuation("->")
        rtype = parser.parse_type()
        (value,) = parser.resolve_operands([operand], [stype], pos)
        op = cls(value, index, rtype)
        op.attributes |= attrs
        return op

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.input)
        printer.print_string(f"[{self.index.value.data}]")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.input.type)
        printer.print_string(" -> ")
        printer.print_attribute(self.res.type)


Toy = Dialect(
    "toy",
    [
        FuncOp,
        ConstantOp,
        AddOp,
        MulOp,
        TransposeOp,
        ReshapeOp,
        CastOp,
        GenericCallOp,
        PrintOp,
        ReturnOp,
        StructConstantOp,
        StructAccessOp,
    ],
    [StructType],
)
