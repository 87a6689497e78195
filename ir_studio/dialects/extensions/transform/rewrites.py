"""Transform ops that rewrite the payload, with syntax shapes the generated table does
not cover (LinalgTransformOps.td, BufferizationTransformOps.td, TransformOps.td), which
xDSL 0.74 lacks:

    %p, %pad, %copy = transform.structured.pad %h pad_to_multiple_of [4, %n] {...} : (...) -> (...)
    %s = transform.structured.split %h after 16 {dimension = 1} : !transform.any_op
    %b = transform.bufferization.one_shot_bufferize layout{IdentityLayoutMap} %h {...} : ...
    transform.apply_conversion_patterns to %f { ... } with type_converter { ... } : T

Attributes written in the dictionary are kept as properties, as in MLIR's generic form."""

from __future__ import annotations

from typing import Any, ClassVar

from xdsl.dialects import transform
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    DenseArrayBase,
    FunctionType,
    IntegerAttr,
    StringAttr,
    UnitAttr,
    i32,
    i64,
)
from xdsl.dialects.utils.dynamic_index_list import (
    parse_dynamic_index_list_without_types,
    print_dynamic_index_list,
)
from xdsl.ir import Attribute, Block, Operation, Region
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    opt_prop_def,
    region_def,
    traits_def,
    var_region_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import NoTerminator
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import consumed_end
from ir_studio.dialects.extensions.transform.handle_base import HandleOp, props


def ops() -> list[type[Operation]]:
    return [PadOp, SplitOp, OneShotBufferizeOp, ApplyConversionPatternsOp,
            DialectToLLVMPatternsOp, PackOp, AnnotateOp]


# --- transform.structured.pad and transform.structured.split ------------------------------

@irdl_op_definition
class PadOp(HandleOp):
    name = "transform.structured.pad"
    PROPERTIES: ClassVar[tuple[str, ...]] = (
        "padding_values", "padding_dimensions", "static_pad_to_multiple_of", "nofold_flags",
        "transpose_paddings", "copy_back_op", "use_prescribed_tensor_shapes")
    locals().update(props(*PROPERTIES))

    def verify_(self) -> None:
        if not self.handles:
            raise VerifyException("expected a target operand")
        if len(self.results) != 3:
            raise VerifyException("expected 3 results")
        static = self.properties.get("static_pad_to_multiple_of")
        values = list(static.get_values()) if isinstance(static, DenseArrayBase) else []
        if values.count(DYNAMIC_INDEX) != len(self.handles) - 1:
            raise VerifyException("expected as many dynamic pad_to_multiple_of values as "
                                  "parameter operands")

    @classmethod
    def parse(cls, parser: Parser) -> PadOp:
        target = parser.parse_unresolved_operand()
        properties: dict[str, Attribute] = {}
        dynamic: list[Any] = []
        if parser.parse_optional_keyword("pad_to_multiple_of") is not None:
            values, static = parse_dynamic_index_list_without_types(
                parser, DYNAMIC_INDEX, delimiter=Parser.Delimiter.SQUARE)
            dynamic = list(values)
            properties["static_pad_to_multiple_of"] = DenseArrayBase.from_list(i64,
                                                                               list(static))
        if parser.parse_optional_keyword("use_prescribed_tensor_shapes") is not None:
            properties["use_prescribed_tensor_shapes"] = UnitAttr()
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        function = parser.parse_function_type()
        names = [target, *dynamic]
        if len(function.inputs) != len(names):
            raise VerifyException(f"number of operands and types do not match: got "
                                  f"{len(names)} operands and {len(function.inputs)} types")
        operands = [parser.resolve_operand(n, t)
                    for n, t in zip(names, function.inputs.data, strict=True)]
        return cls.create(operands=operands, result_types=list(function.outputs.data),
                          properties={**properties, **more}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        static = self.properties.get("static_pad_to_multiple_of")
        if isinstance(static, DenseArrayBase) and len(static.get_values()):
            printer.print_string(" pad_to_multiple_of ")
            print_dynamic_index_list(printer, DYNAMIC_INDEX, self.handles[1:],
                                     static.get_values())
        if self.properties.get("use_prescribed_tensor_shapes") is not None:
            printer.print_string(" use_prescribed_tensor_shapes")
        printer.print_op_attributes(self._print_attributes(
            ("static_pad_to_multiple_of", "use_prescribed_tensor_shapes")))
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([v.type for v in self.handles],
                                                        [r.type for r in self.results]))


@irdl_op_definition
class SplitOp(HandleOp):
    """`%t after 16 {dimension = 1} : T`, or `after %p {...} : T, P` (SplitOp::parse)."""

    name = "transform.structured.split"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("dimension", "static_chunk_sizes", "multiway")
    locals().update(props(*PROPERTIES))

    def verify_(self) -> None:
        static = self.properties.get("static_chunk_sizes")
        dynamic = isinstance(static, IntegerAttr) and static.value.data == DYNAMIC_INDEX
        if dynamic != (len(self.handles) == 2):
            raise VerifyException("expects either a dynamic or a static split point to be "
                                  "provided")
        if self.properties.get("dimension") is None:
            raise VerifyException("requires attribute 'dimension'")

    @classmethod
    def parse(cls, parser: Parser) -> SplitOp:
        target = parser.parse_unresolved_operand()
        parser.parse_keyword("after")
        chunk = parser.parse_optional_unresolved_operand()
        static = DYNAMIC_INDEX if chunk is not None else parser.parse_integer()
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        target_type = parser.parse_type()
        operands = [parser.resolve_operand(target, target_type)]
        if chunk is not None:
            parser.parse_punctuation(",")
            operands.append(parser.resolve_operand(chunk, parser.parse_type()))
        return cls.create(operands=operands, result_types=[target_type],
                          properties={**more, "static_chunk_sizes": IntegerAttr(static, i64)},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        printer.print_string(" after ")
        if len(self.handles) > 1:
            printer.print_operand(self.handles[1])
        else:
            static = self.properties.get("static_chunk_sizes")
            printer.print_string(str(static.value.data if isinstance(static, IntegerAttr)
                                     else 0))
        printer.print_op_attributes(self._print_attributes(("static_chunk_sizes",)))
        printer.print_string(" : ")
        printer.print_list([v.type for v in self.handles], printer.print_attribute)


# --- transform.bufferization.one_shot_bufferize ------------------------------------------

_LAYOUTS = ("InferLayoutMap", "IdentityLayoutMap", "FullyDynamicLayoutMap")  # LayoutMapOption


@irdl_op_definition
class OneShotBufferizeOp(HandleOp):
    """`[layout{IdentityLayoutMap}] %target {options} : (T) -> R`"""

    name = "transform.bufferization.one_shot_bufferize"
    PROPERTIES: ClassVar[tuple[str, ...]] = (
        "function_boundary_type_conversion", "allow_return_allocs_from_loops",
        "allow_unknown_ops", "bufferize_function_boundaries", "dump_alias_sets",
        "test_analysis_only", "print_conflicts", "check_parallel_regions", "memcpy_op")
    locals().update(props(*PROPERTIES))

    def verify_(self) -> None:
        if len(self.handles) != 1 or len(self.results) != 1:
            raise VerifyException("expected one target handle and one result")
        layout = self.properties.get("function_boundary_type_conversion")
        if layout is not None and not (isinstance(layout, IntegerAttr)
                                       and 0 <= layout.value.data < len(_LAYOUTS)):
            raise VerifyException("attribute 'function_boundary_type_conversion' failed to "
                                  "satisfy constraint: option for map layout")

    @classmethod
    def parse(cls, parser: Parser) -> OneShotBufferizeOp:
        properties: dict[str, Attribute] = {}
        if parser.parse_optional_keyword("layout") is not None:
            parser.parse_punctuation("{")
            start = parser._current_token.span.start  # no public peek
            word = parser.parse_identifier()
            if word not in _LAYOUTS:
                parser.raise_error("expected string or keyword containing one of the "
                                   "following enum values for attribute "
                                   "'function_boundary_type_conversion' ["
                                   + ", ".join(_LAYOUTS) + "]", start, consumed_end(parser))
            parser.parse_punctuation("}")
            properties["function_boundary_type_conversion"] = IntegerAttr(
                _LAYOUTS.index(word), i32)
        target = parser.parse_unresolved_operand()
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        function = parser.parse_function_type()
        if len(function.inputs) != 1:
            raise VerifyException(f"number of operands and types do not match: got 1 "
                                  f"operands and {len(function.inputs)} types")
        return cls.create(operands=[parser.resolve_operand(target, function.inputs.data[0])],
                          result_types=list(function.outputs.data),
                          properties={**properties, **more}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        layout = self.properties.get("function_boundary_type_conversion")
        if isinstance(layout, IntegerAttr) and 0 <= layout.value.data < len(_LAYOUTS):
            printer.print_string(f" layout{{{_LAYOUTS[layout.value.data]}}}")
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        printer.print_op_attributes(self._print_attributes(
            ("function_boundary_type_conversion",)))
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([self.handles[0].type],
                                                        [r.type for r in self.results]))


# --- transform.apply_conversion_patterns ---------------------------------------------------

@irdl_op_definition
class ApplyConversionPatternsOp(HandleOp):
    """`to %target { patterns } [with type_converter { converter }] {options} : T`"""

    name = "transform.apply_conversion_patterns"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("legal_ops", "illegal_ops", "legal_dialects",
                                             "illegal_dialects", "partial_conversion",
                                             "preserve_handles")
    locals().update(props(*PROPERTIES))
    patterns = region_def()
    default_type_converter_region = var_region_def()  # none, or one holding a converter
    traits = traits_def(NoTerminator())

    def verify_(self) -> None:
        if len(self.handles) != 1 or self.results:
            raise VerifyException("expected one target handle and no results")
        for region in self.default_type_converter_region:
            block = region.blocks.first
            if len(region.blocks) != 1 or block is None or len(list(block.ops)) != 1:
                raise VerifyException("expected exactly one op in default type converter "
                                      "region")

    @classmethod
    def parse(cls, parser: Parser) -> ApplyConversionPatternsOp:
        parser.parse_keyword("to")
        target = parser.parse_unresolved_operand()
        patterns = parser.parse_region()
        converters: list[Region] = []
        if parser.parse_optional_keyword("with") is not None:
            parser.parse_keyword("type_converter")
            converters.append(parser.parse_region())
        if not patterns.blocks:
            patterns.add_block(Block())
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        operand = parser.resolve_operand(target, parser.parse_type())
        return cls.create(operands=[operand], properties=more, attributes=attributes,
                          regions=[patterns, *converters])

    def print(self, printer: Printer) -> None:
        printer.print_string(" to ")
        printer.print_operand(self.handles[0])
        printer.print_string(" ")
        printer.print_region(self.patterns)
        for region in self.default_type_converter_region:
            printer.print_string(" with type_converter ")
            printer.print_region(region)
        printer.print_op_attributes(self._print_attributes())
        printer.print_string(" : ")
        printer.print_attribute(self.handles[0].type)


@irdl_op_definition
class DialectToLLVMPatternsOp(IRDLOperation):
    """`transform.apply_conversion_patterns.dialect_to_llvm "math"`"""

    name = "transform.apply_conversion_patterns.dialect_to_llvm"
    # `dialect_name` would hide IRDLOperation.dialect_name(), which the parser calls
    converted = opt_prop_def(StringAttr, prop_name="dialect_name")

    def verify_(self) -> None:
        if self.converted is None:
            raise VerifyException("requires attribute 'dialect_name'")

    @classmethod
    def parse(cls, parser: Parser) -> DialectToLLVMPatternsOp:
        name = StringAttr(parser.parse_str_literal())
        attributes = dict(parser.parse_optional_attr_dict())
        return cls.create(properties={"dialect_name": name}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_attribute(self.converted or StringAttr(""))
        printer.print_op_attributes(self.attributes)


# --- transform.structured.pack and transform.annotate -------------------------------------

@irdl_op_definition
class PackOp(HandleOp):
    """`%h packed_sizes = [2, %n, 4] {...} : (T, N) -> R` (sizes given by handles too)."""

    name = "transform.structured.pack"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("static_packed_sizes",)
    locals().update(props(*PROPERTIES))

    def verify_(self) -> None:
        for number, value in enumerate(self.handles[1:], 1):
            if not isinstance(value.type, transform.TransformOpHandleType
                              | transform.TransformValueHandleType):
                raise VerifyException(f"operand #{number} must be variadic of "
                                      f"TransformHandleTypeInterface instance, but got "
                                      f"'{value.type}'")
        static = self.properties.get("static_packed_sizes")
        values = list(static.get_values()) if isinstance(static, DenseArrayBase) else []
        if values.count(DYNAMIC_INDEX) != len(self.handles) - 1:
            raise VerifyException("expected as many dynamic packed sizes as size operands")

    @classmethod
    def parse(cls, parser: Parser) -> PackOp:
        target = parser.parse_unresolved_operand()
        parser.parse_keyword("packed_sizes")
        parser.parse_punctuation("=")
        values, static = parse_dynamic_index_list_without_types(
            parser, DYNAMIC_INDEX, delimiter=Parser.Delimiter.SQUARE)
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        function = parser.parse_function_type()
        names = [target, *values]
        if len(function.inputs) != len(names):
            raise VerifyException(f"number of operands and types do not match: got "
                                  f"{len(names)} operands and {len(function.inputs)} types")
        operands = [parser.resolve_operand(n, t)
                    for n, t in zip(names, function.inputs.data, strict=True)]
        properties = {**more, "static_packed_sizes": DenseArrayBase.from_list(i64,
                                                                              list(static))}
        return cls.create(operands=operands, result_types=list(function.outputs.data),
                          properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        printer.print_string(" packed_sizes = ")
        static = self.properties.get("static_packed_sizes")
        print_dynamic_index_list(printer, DYNAMIC_INDEX, self.handles[1:],
                                 static.get_values() if isinstance(static, DenseArrayBase)
                                 else ())
        printer.print_op_attributes(self._print_attributes(("static_packed_sizes",)))
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([v.type for v in self.handles],
                                                        [r.type for r in self.results]))


@irdl_op_definition
class AnnotateOp(HandleOp):
    """`transform.annotate %h "name" [= %param] : T[, P]`"""

    name = "transform.annotate"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("name",)
    annotation = opt_prop_def(StringAttr, prop_name="name")

    def verify_(self) -> None:
        if self.annotation is None:
            raise VerifyException("requires attribute 'name'")
        if not 1 <= len(self.handles) <= 2 or self.results:
            raise VerifyException("expected a target handle, an optional parameter and no "
                                  "results")

    @classmethod
    def parse(cls, parser: Parser) -> AnnotateOp:
        target = parser.parse_unresolved_operand()
        annotation = StringAttr(parser.parse_str_literal())
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        param = None
        if parser.parse_optional_punctuation("=") is not None:
            param = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        operands = [parser.resolve_operand(target, parser.parse_type())]
        if param is not None:
            parser.parse_punctuation(",")
            operands.append(parser.resolve_operand(param, parser.parse_type()))
        return cls.create(operands=operands, properties={**more, "name": annotation},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        printer.print_string(" ")
        printer.print_attribute(self.annotation or StringAttr(""))
        printer.print_op_attributes(self._print_attributes(("name",)))
        if len(self.handles) > 1:
            printer.print_string(" = ")
            printer.print_operand(self.handles[1])
        printer.print_string(" : ")
        printer.print_list([v.type for v in self.handles], printer.print_attribute)
