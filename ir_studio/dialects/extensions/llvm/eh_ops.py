"""LLVM exception handling, which xDSL 0.74 lacks: `llvm.invoke` (a call that is a
terminator with a normal and an unwind destination) and `llvm.landingpad`, with the
checks MLIR 22 makes (LLVMDialect.cpp InvokeOp/LandingpadOp/LLVMFuncOp::verify).

    %r = llvm.invoke @f(%a) to ^ok unwind ^lp : (i32) -> i32
  ^lp:
    %e = llvm.landingpad cleanup (catch %z : !llvm.ptr) : !llvm.struct<(ptr, i32)>
    llvm.resume %e : !llvm.struct<(ptr, i32)>
"""

from __future__ import annotations

from xdsl.dialects import llvm
from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseArrayBase,
    SymbolRefAttr,
    UnitAttr,
    i32,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.irdl import (
    AnyAttr,
    AttrSizedOperandSegments,
    IRDLOperation,
    irdl_op_definition,
    opt_prop_def,
    opt_result_def,
    prop_def,
    result_def,
    successor_def,
    traits_def,
    var_operand_def,
)
from xdsl.parser import Parser, UnresolvedOperand
from xdsl.printer import Printer
from xdsl.traits import IsTerminator
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import (
    consumed_end,
    parse_successor_with_operands,
    print_successor_with_operands,
)
from ir_studio.dialects.extensions.llvm.call_syntax import (
    attr_array,
    parse_op_bundles,
    parse_typed_signature,
    print_op_bundles,
    print_typed_signature,
)


def ops() -> list[type[Operation]]:
    return [InvokeOp, LandingpadOp]


@irdl_op_definition
class InvokeOp(IRDLOperation):
    """`llvm.invoke [cconv] (@f | %fptr)(args) to ^normal(...) unwind ^unwind(...)
    [vararg(!llvm.func<...>)] [bundles] {attrs} : [ptr-type,] (T...) -> R`"""

    name = "llvm.invoke"
    callee_operands = var_operand_def()
    normalDestOperands = var_operand_def()
    unwindDestOperands = var_operand_def()
    op_bundle_operands = var_operand_def()
    result = opt_result_def()
    callee = opt_prop_def(SymbolRefAttr)
    var_callee_type = opt_prop_def(llvm.LLVMFunctionType)
    CConv = prop_def(llvm.CallingConventionAttr, default_value=llvm.CallingConventionAttr("ccc"))
    op_bundle_sizes = prop_def(DenseArrayBase.constr(i32),
                               default_value=DenseArrayBase.from_list(i32, ()))
    op_bundle_tags = opt_prop_def(ArrayAttr)
    arg_attrs = opt_prop_def(ArrayAttr)
    res_attrs = opt_prop_def(ArrayAttr)
    branch_weights = opt_prop_def(DenseArrayBase.constr(i32))
    normalDest = successor_def()
    unwindDest = successor_def()
    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    traits = traits_def(IsTerminator())

    @classmethod
    def parse(cls, parser: Parser) -> InvokeOp:
        convention = parser.parse_optional_keyword_in(llvm.LLVM_CALLING_CONVS) or "ccc"
        properties: dict[str, Attribute] = {"CConv": llvm.CallingConventionAttr(convention)}
        pointer: UnresolvedOperand | None = None
        name = parser.parse_optional_symbol_name()
        if name is None:
            pointer = parser.parse_unresolved_operand()
        else:
            properties["callee"] = SymbolRefAttr(name)
        arguments = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                                      parser.parse_unresolved_operand)
        parser.parse_keyword("to")
        normal, normal_operands = parse_successor_with_operands(parser)
        parser.parse_keyword("unwind")
        unwind, unwind_operands = parse_successor_with_operands(parser)
        if parser.parse_optional_keyword("vararg") is not None:
            parser.parse_punctuation("(")
            start = parser.pos
            variadic = parser.parse_type()
            if not isinstance(variadic, llvm.LLVMFunctionType):
                parser.raise_error("expected an LLVM function type", start,
                                   consumed_end(parser))
            parser.parse_punctuation(")")
            properties["var_callee_type"] = variadic
        bundles = parse_op_bundles(parser)
        attributes = dict(parser.parse_optional_attr_dict())
        for key in ("branch_weights",):
            if key in attributes:
                properties[key] = attributes.pop(key)
        parser.parse_punctuation(":")
        callee_values: list[SSAValue] = []
        if pointer is not None:
            callee_values.append(parser.resolve_operand(pointer, parser.parse_type()))
            parser.parse_punctuation(",")
        start = parser.pos
        inputs, input_attrs, outputs, output_attrs = parse_typed_signature(parser)
        if len(inputs) != len(arguments):
            parser.raise_error(f"expected {len(arguments)} argument types, got {len(inputs)}",
                               start, consumed_end(parser))
        if len(outputs) > 1:
            parser.raise_error("expected function with 0 or 1 result", start,
                               consumed_end(parser))
        if outputs and isinstance(outputs[0], llvm.LLVMVoidType):
            parser.raise_error("expected a non-void result type", start, consumed_end(parser))
        callee_values += [parser.resolve_operand(a, t) for a, t in zip(arguments, inputs,
                                                                        strict=True)]
        for key, attrs in (("arg_attrs", input_attrs), ("res_attrs", output_attrs)):
            array = attr_array(attrs)
            if array is not None:
                properties[key] = array
        groups, tags = bundles if bundles is not None else ([], [])
        properties["op_bundle_sizes"] = DenseArrayBase.from_list(i32, [len(g) for g in groups])
        if tags:
            properties["op_bundle_tags"] = ArrayAttr(tags)
        return cls.build(
            operands=[callee_values, normal_operands, unwind_operands,
                      [v for g in groups for v in g]],
            result_types=[outputs[0] if outputs else None],
            successors=[normal, unwind], properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        if self.CConv.convention.data != "ccc":
            printer.print_string(f"{self.CConv.convention.data} ")
        values = list(self.callee_operands)
        if self.callee is not None:
            printer.print_attribute(self.callee)
        elif values:
            printer.print_operand(values.pop(0))
        printer.print_string("(")
        printer.print_list(values, printer.print_operand)
        printer.print_string(") to ")
        print_successor_with_operands(printer, self.normalDest, list(self.normalDestOperands))
        printer.print_string(" unwind ")
        print_successor_with_operands(printer, self.unwindDest, list(self.unwindDestOperands))
        if self.var_callee_type is not None:
            printer.print_string(" vararg(")
            printer.print_attribute(self.var_callee_type)
            printer.print_string(")")
        print_op_bundles(printer, self)
        extra = {"branch_weights": self.branch_weights} if self.branch_weights else {}
        printer.print_op_attributes({**extra, **self.attributes})
        printer.print_string(" : ")
        if self.callee is None and self.callee_operands:
            printer.print_attribute(self.callee_operands[0].type)
            printer.print_string(", ")
        print_typed_signature(printer, [v.type for v in values], self.arg_attrs,
                              [r.type for r in self.results], self.res_attrs)

    def verify_(self) -> None:
        if self.callee is None and not self.callee_operands:
            raise VerifyException("expected a callee: a symbol or a function pointer")
        weights = self.branch_weights
        if weights is not None and len(weights.get_values()) != 2:
            raise VerifyException(f"expects number of branch weights to match number of "
                                  f"successors: {len(weights.get_values())} vs 2")
        unwind = self.unwindDest
        if unwind.first_op is None:
            raise VerifyException("must have at least one operation in unwind destination")
        if unwind.first_op.name != "llvm.landingpad":
            raise VerifyException("first operation in unwind destination should be a "
                                  "llvm.landingpad operation")


@irdl_op_definition
class LandingpadOp(IRDLOperation):
    """`llvm.landingpad [cleanup] ((catch|filter) %v : T)* {attrs} : T`: a clause of
    array type is a filter, any other a catch (MLIR prints them so)."""

    name = "llvm.landingpad"
    clauses = var_operand_def()
    res = result_def(AnyAttr())
    cleanup = opt_prop_def(UnitAttr)

    @classmethod
    def parse(cls, parser: Parser) -> LandingpadOp:
        properties: dict[str, Attribute] = {}
        if parser.parse_optional_keyword("cleanup") is not None:
            properties["cleanup"] = UnitAttr()
        clauses: list[SSAValue] = []
        while parser.parse_optional_punctuation("(") is not None:
            if parser.parse_optional_keyword("catch") is None:
                parser.parse_keyword("filter", " or 'catch'")
            value = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            clauses.append(parser.resolve_operand(value, parser.parse_type()))
            parser.parse_punctuation(")")
        attributes = dict(parser.parse_optional_attr_dict())
        if "cleanup" in attributes:
            properties["cleanup"] = attributes.pop("cleanup")
        parser.parse_punctuation(":")
        return cls.create(operands=clauses, result_types=[parser.parse_type()],
                          properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" cleanup " if self.cleanup is not None else " ")
        for value in self.clauses:
            word = "filter" if isinstance(value.type, llvm.LLVMArrayType) else "catch"
            printer.print_string(f"({word} ")
            printer.print_operand(value)
            printer.print_string(" : ")
            printer.print_attribute(value.type)
            printer.print_string(") ")
        if self.attributes:
            printer.print_op_attributes(self.attributes)
            printer.print_string(" ")
        printer.print_string(": ")
        printer.print_attribute(self.res.type)

    def verify_(self) -> None:
        function = _enclosing_function(self)
        if function is not None and _personality(function) is None:
            raise VerifyException("llvm.landingpad needs to be in a function with a "
                                  "personality")
        if self.cleanup is None and not self.clauses:
            raise VerifyException("landingpad instruction expects at least one clause or "
                                  "cleanup attribute")
        for index, value in enumerate(self.clauses):
            if isinstance(value.type, llvm.LLVMArrayType):
                continue  # a filter: MLIR does not check these either
            owner = value.owner
            if isinstance(owner, Operation) and owner.name == "llvm.bitcast":
                source = owner.operands[0].owner if owner.operands else None
                if isinstance(source, Operation) and source.name == "llvm.mlir.addressof":
                    continue
                raise VerifyException("constant clauses expected")
            if isinstance(owner, Operation) and owner.name in ("llvm.mlir.zero",
                                                                 "llvm.mlir.addressof"):
                continue
            raise VerifyException(f"clause #{index} is not a known constant - null, "
                                  "addressof, bitcast")


def _enclosing_function(op: Operation) -> Operation | None:
    parent = op.parent_op()
    while parent is not None and parent.name != "llvm.func":
        parent = parent.parent_op()
    return parent


def _personality(function: Operation) -> Attribute | None:
    return function.properties.get("personality") or function.attributes.get("personality")
