"""Give an existing xDSL op MLIR's custom syntax after the fact.

xDSL compiles an op's declarative format when the class is defined; for ops it defines
without one (generic form only), `attach_format` compiles the format the first time
such an op is parsed or printed, so start-up pays nothing for ops a file never uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from xdsl.dialects.builtin import FunctionType
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.irdl import IRDLOperation
from xdsl.parser import Parser
from xdsl.printer import Printer


def attach_format(cls: type[IRDLOperation], assembly_format: str) -> None:
    """Parse and print `cls` with `assembly_format` (MLIR's ODS format)."""
    program: list[Any] = []

    def compiled() -> Any:
        if not program:
            from xdsl.irdl.declarative_assembly_format import FormatProgram

            program.append(FormatProgram.from_str(assembly_format, cls.get_irdl_definition()))
        return program[0]

    def parse(klass: type[IRDLOperation], parser: Parser) -> IRDLOperation:
        return compiled().parse(parser, klass)

    def print_op(self: IRDLOperation, printer: Printer) -> None:
        compiled().print(printer, self)

    cls.parse = classmethod(parse)  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class
    cls.print = print_op


def attach_syntax(cls: type[Operation], parse: Callable[[Any, Parser], Any],
                  print_op: Callable[[Any, Printer], None]) -> None:
    """Hand-written syntax for what a declarative format cannot say."""
    cls.parse = classmethod(parse)  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class
    cls.print = print_op  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class


def add_verifier(cls: type[IRDLOperation], check: Callable[[Any], None]) -> None:
    """Run `check` after the op's own verification (checks MLIR has and xDSL lacks)."""
    original = cls.verify_

    def verify_(self: IRDLOperation) -> None:
        original(self)
        check(self)

    cls.verify_ = verify_


def parse_optional_arrow_types(parser: Parser) -> list[Any]:
    """MLIR's `parseOptionalArrowTypeList`: nothing, `-> T` or `-> (T1, T2)`."""
    if parser.parse_optional_punctuation("->") is None:
        return []
    return parse_types_after_arrow(parser)


def parse_types_after_arrow(parser: Parser) -> list[Any]:
    """What follows a required `->` in MLIR's arrow type lists: `T` or `(T1, T2)`."""
    if parser.parse_optional_punctuation("(") is None:
        return [parser.parse_type()]
    types: list[Any] = []
    if parser.parse_optional_punctuation(")") is None:
        types.append(parser.parse_type())
        while parser.parse_optional_punctuation(",") is not None:
            types.append(parser.parse_type())
        parser.parse_punctuation(")")
    return types


def print_optional_arrow_types(printer: Printer, types: Sequence[Any]) -> None:
    """MLIR's `printOptionalArrowTypeList`."""
    if not types:
        return
    printer.print_string(" -> ")
    if len(types) == 1 and not isinstance(types[0], FunctionType):
        printer.print_attribute(types[0])
        return
    printer.print_string("(")
    printer.print_list(types, printer.print_attribute)
    printer.print_string(")")


def consumed_end(parser: Parser) -> int:
    """End of the last token consumed, so an error span stops at the token rather than
    running over the whitespace after it (ir-studio's parser tracks it; xDSL's does not)."""
    last_end = getattr(parser, "last_end", None)  # a property of SpanRecordingParser
    return last_end if isinstance(last_end, int) else parser.pos


def replace_constraints(cls: type[IRDLOperation], constraints: dict[str, Any]) -> None:
    """Loosen an op's operand/result constraints where xDSL's are narrower than MLIR's
    (vector casts, pointer compares). The op's own verification reads these defs."""
    op_def = cls.get_irdl_definition()
    # Keep each definition's kind (single, optional, variadic); swap its constraint.
    for index, (name, old) in enumerate(op_def.operands):
        if name in constraints:
            op_def.operands[index] = (name, type(old)(constraints[name]))
    for index, (name, old) in enumerate(op_def.results):
        if name in constraints:
            op_def.results[index] = (name, type(old)(constraints[name]))


def segment_sizes_when_missing(cls: type[Operation],
                               sizes: Callable[[Sequence[Any]], list[int]]) -> None:
    """Where MLIR's op needs no operandSegmentSizes (its groups follow from the operand
    types) but xDSL's requires one, derive it when an op is created without it, as the
    generic form from mlir-opt does."""
    create = cls.create.__func__

    def create_with_segments(klass: type[Any], *args: Any, **kwargs: Any) -> Any:
        attributes = dict(kwargs.get("attributes") or {})
        operands = list(kwargs.get("operands") or [])
        if "operandSegmentSizes" not in attributes and operands:
            from xdsl.dialects.builtin import DenseArrayBase, i32

            attributes["operandSegmentSizes"] = DenseArrayBase.from_list(i32, sizes(operands))
            kwargs["attributes"] = attributes
        return create(klass, *args, **kwargs)

    cls.create = classmethod(create_with_segments)  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class


def parse_word_from(parser: Parser, choices: Sequence[str]) -> str:
    """One of a fixed set of keywords (an enum's spelling), or a located error."""
    start = parser.pos
    word = parser.parse_identifier()
    if word not in choices:
        wanted = (" or ".join(choices) if len(choices) == 2
                  else "one of " + ", ".join(choices))
        parser.raise_error(f"expected {wanted}, got '{word}'", start, consumed_end(parser))
    return word


def parse_prefetch_hints(parser: Parser) -> dict[str, Any]:
    """`, read|write, locality<0-3>, data|instr` as memref.prefetch / affine.prefetch
    write them, as the properties both ops keep."""
    from xdsl.dialects.builtin import IntegerAttr, IntegerType, i32

    parser.parse_punctuation(",")
    access = parse_word_from(parser, ("read", "write"))
    parser.parse_punctuation(",")
    parser.parse_keyword("locality")
    parser.parse_punctuation("<")
    locality = parser.parse_integer(allow_boolean=False)
    parser.parse_punctuation(">")
    parser.parse_punctuation(",")
    cache = parse_word_from(parser, ("data", "instr"))
    boolean = IntegerType(1)
    return {"isWrite": IntegerAttr(int(access == "write"), boolean),
            "localityHint": IntegerAttr(locality, i32),
            "isDataCache": IntegerAttr(int(cache == "data"), boolean)}


def print_prefetch_hints(printer: Printer, op: Any) -> None:
    printer.print_string(", write" if op.isWrite.value.data else ", read")
    printer.print_string(f", locality<{op.localityHint.value.data}>, ")
    printer.print_string("data" if op.isDataCache.value.data else "instr")


def bool_like(t: Any) -> Any:
    """`i1`, or an `i1` vector/tensor of `t`'s shape: what MLIR's compares and float
    classifications return."""
    from xdsl.dialects.builtin import TensorType, UnrankedTensorType, VectorType, i1

    if isinstance(t, VectorType):
        return VectorType(i1, t.get_shape(), t.scalable_dims)
    if isinstance(t, TensorType):
        return TensorType(i1, t.get_shape(), t.encoding)
    if isinstance(t, UnrankedTensorType):
        return UnrankedTensorType(i1)
    return i1


def parse_fastmath(parser: Parser) -> Any:
    """`fastmath<nnan,ninf>` or nothing (arith, math and complex ops share it)."""
    from xdsl.dialects.arith import FastMathFlagsAttr

    if parser.parse_optional_keyword("fastmath") is None:
        return FastMathFlagsAttr("none")
    return FastMathFlagsAttr(FastMathFlagsAttr.parse_parameter(parser))  # `<nnan,ninf>`


def print_fastmath(printer: Printer, flags: Any) -> None:
    from xdsl.dialects.arith import FastMathFlagsAttr

    if flags != FastMathFlagsAttr("none"):
        printer.print_string(" fastmath")
        flags.print_parameter(printer)


def parse_mixed_indices(parser: Parser) -> tuple[list[Any], list[int]]:
    """`(%n, 4, 8)`: MLIR's mixed static/dynamic index list, the SSA values resolved as
    `index` and the constants with DYNAMIC_INDEX where a value stands."""
    from xdsl.dialects.builtin import DYNAMIC_INDEX, IndexType
    from xdsl.dialects.utils.dynamic_index_list import parse_dynamic_index_list_without_types

    values, integers = parse_dynamic_index_list_without_types(
        parser, DYNAMIC_INDEX, delimiter=Parser.Delimiter.PAREN)
    return [parser.resolve_operand(v, IndexType()) for v in values], list(integers)


def print_mixed_indices(printer: Printer, values: Sequence[Any], integers: Any) -> None:
    from xdsl.dialects.builtin import DYNAMIC_INDEX
    from xdsl.dialects.utils.dynamic_index_list import print_dynamic_index_list

    print_dynamic_index_list(printer, DYNAMIC_INDEX, values, integers,
                             delimiter=Parser.Delimiter.PAREN)


def parse_typed_operands(parser: Parser) -> list[Any]:
    """`(%a, %b : i32, f32)`, the values resolved with their types."""
    parser.parse_punctuation("(")
    return _typed_operands_after_paren(parser)


def _typed_operands_after_paren(parser: Parser) -> list[Any]:
    names = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                              parser.parse_unresolved_operand)
    parser.parse_punctuation(":")
    types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
    parser.parse_punctuation(")")
    if len(types) != len(names):
        parser.raise_error(f"expected {len(names)} types, got {len(types)}")
    return [parser.resolve_operand(n, t) for n, t in zip(names, types, strict=True)]


def parse_index_operands(parser: Parser) -> list[Any]:
    """`(%a, %b, %c)`, each an `index` (launch sizes, scf.parallel bounds)."""
    from xdsl.dialects.builtin import IndexType

    return parser.parse_comma_separated_list(
        Parser.Delimiter.PAREN,
        lambda: parser.resolve_operand(parser.parse_unresolved_operand(), IndexType()))


def parse_successor_with_operands(parser: Parser) -> tuple[Any, list[Any]]:
    """`^bb1` or `^bb1(%a, %b : i32, f32)`, as the llvm branches write destinations."""
    block = parser.parse_successor()
    if parser.parse_optional_punctuation("(") is None:
        return block, []
    return block, _typed_operands_after_paren(parser)


def print_successor_with_operands(printer: Printer, block: Any, values: Sequence[Any]) -> None:
    printer.print_block_name(block)
    if values:
        printer.print_string("(")
        printer.print_list(values, printer.print_operand)
        printer.print_string(" : ")
        printer.print_list([v.type for v in values], printer.print_attribute)
        printer.print_string(")")


def parse_dict_or_alias(parser: Parser) -> dict[str, Any]:
    """A leading attribute dictionary written `{...}` or as an alias of one (`#trait`),
    as MLIR's parsers of linalg.generic and vector.contract accept."""
    from xdsl.dialects.builtin import DictionaryAttr
    from xdsl.utils.mlir_lexer import MLIRTokenKind

    if parser._current_token.kind != MLIRTokenKind.HASH_IDENT:  # no public peek
        return dict(parser.parse_optional_attr_dict())
    start = parser.pos
    alias = parser.parse_attribute()
    if not isinstance(alias, DictionaryAttr):
        parser.raise_error("expected a dictionary of attributes", start, parser.pos)
    return {**alias.data, **parser.parse_optional_attr_dict()}


def parse_positioned_slice(
    parser: Parser, keyword: str
) -> tuple[Sequence[SSAValue], int, dict[str, Attribute], Attribute, Attribute]:
    """MLIR's positioned-slice syntax shared by `vector.scalable.*` and
    `llvm.intr.vector.*`: `%small, %big[pos] {attrs} : S into B` (keyword "into") or
    `%big[pos] {attrs} : S from B` (keyword "from"). Returns the operands in textual order,
    resolved against their types, the position, the attributes and the two types."""
    names = [parser.parse_unresolved_operand()]
    if keyword == "into":
        parser.parse_punctuation(",")
        names.append(parser.parse_unresolved_operand())
    parser.parse_punctuation("[")
    position = parser.parse_integer()
    parser.parse_punctuation("]")
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    first = parser.parse_type()
    parser.parse_keyword(keyword)
    second = parser.parse_type()
    types = [first, second] if keyword == "into" else [second]
    operands = [parser.resolve_operand(n, t) for n, t in zip(names, types, strict=True)]
    return operands, position, attributes, first, second


def print_positioned_slice(
    printer: Printer, operands: Sequence[SSAValue], position: int,
    attributes: dict[str, Attribute], first: Attribute, keyword: str, second: Attribute,
) -> None:
    """The printer of `parse_positioned_slice`'s syntax."""
    printer.print_string(" ")
    printer.print_list(operands, printer.print_operand)
    printer.print_string(f"[{position}]")
    printer.print_op_attributes(attributes)
    printer.print_string(" : ")
    printer.print_attribute(first)
    printer.print_string(f" {keyword} ")
    printer.print_attribute(second)


def parse_tensor_type(parser: Parser) -> Any:
    """A ranked tensor type, checked where it is written as MLIR's generated parsers
    check a `type($x)` of a tensor-only operand (linalg.pack, the winograd ops)."""
    from xdsl.dialects.builtin import TensorType

    start = parser.pos
    written = parser.parse_type()
    if not isinstance(written, TensorType):
        parser.raise_error(f"invalid kind of type specified: expected builtin.tensor, but "
                           f"found '{written}'", start, consumed_end(parser))
    return written
