"""MLIR's custom syntax for the gpu dialect, which xDSL 0.74 defines in generic form
only: modules and kernels, launches and the id queries (async tokens and memory ops
are in gpu_async)."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import gpu
from xdsl.dialects.builtin import (
    FunctionType,
    IndexType,
    IntegerAttr,
    MemRefType,
    UnitAttr,
)
from xdsl.ir import Block, SSAValue
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.formats import (
    attach_format,
    attach_syntax,
    parse_optional_arrow_types,
    print_optional_arrow_types,
)
from ir_studio.dialects.extensions.gpu.async_ops import (
    parse_async,
    print_async,
)

_ID_OPS = (gpu.ThreadIdOp, gpu.BlockIdOp, gpu.BlockDimOp, gpu.GridDimOp, gpu.GlobalIdOp)
_PLAIN_INDEX_OPS = (gpu.LaneIdOp, gpu.SubgroupIdOp, gpu.NumSubgroupsOp, gpu.SubgroupSizeOp)


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    for cls in _ID_OPS:
        attach_syntax(cls, parse_id, print_id)
        _add_upper_bound(cls)
    for cls in _PLAIN_INDEX_OPS:
        attach_syntax(cls, _parse_plain_index, _print_plain_index)
        _add_upper_bound(cls)
    attach_format(gpu.BarrierOp, "attr-dict")
    attach_format(gpu.TerminatorOp, "attr-dict")
    attach_format(gpu.ReturnOp, "attr-dict ($args^ `:` type($args))?")
    attach_format(gpu.YieldOp, "attr-dict ($values^ `:` type($values))?")
    attach_syntax(gpu.ModuleOp, _parse_module, _print_module)
    attach_syntax(gpu.FuncOp, _parse_func, _print_func)
    gpu.FuncOp.verify_ = _verify_func  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's verifier on xDSL's op class
    attach_syntax(gpu.LaunchOp, _parse_launch, _print_launch)
    gpu.LaunchOp.verify_ = _verify_launch  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's verifier on xDSL's op class
    from ir_studio.dialects.extensions.gpu.launch_func import (
        parse_launch_func,
        print_launch_func,
    )

    attach_syntax(gpu.LaunchFuncOp, parse_launch_func, print_launch_func)


# --- id queries: `gpu.thread_id x`, `gpu.lane_id` ---------------------------------------

def parse_id(cls: type[Any], parser: Parser) -> Any:
    start = parser.pos
    dimension = parser.parse_identifier()
    if dimension not in ("x", "y", "z"):
        parser.raise_error(f"expected 'x', 'y' or 'z', got '{dimension}'", start,
                           start + len(dimension))
    properties: dict[str, Any] = {
        "dimension": gpu.DimensionAttr(gpu.DimensionEnum(dimension))}
    if parser.parse_optional_keyword("upper_bound") is not None:
        properties["upper_bound"] = IntegerAttr(parser.parse_integer(), IndexType())
    attributes = parser.parse_optional_attr_dict()
    return cls.create(result_types=[IndexType()], attributes=attributes,
                      properties=properties)


def print_id(self: Any, printer: Printer) -> None:
    printer.print_string(f" {self.dimension.data}")
    bound = self.properties.get("upper_bound")
    if isinstance(bound, IntegerAttr):
        printer.print_string(f" upper_bound {bound.value.data}")
    printer.print_op_attributes(self.attributes)


def _add_upper_bound(cls: type[Any]) -> None:
    """MLIR's id queries take an optional `upper_bound` property xDSL does not define."""
    from xdsl.irdl import base
    from xdsl.irdl.operations import OptPropertyDef

    definition = cls.get_irdl_definition()
    definition.properties.setdefault("upper_bound", OptPropertyDef(base(IntegerAttr)))


def _parse_plain_index(cls: type[Any], parser: Parser) -> Any:
    """`gpu.lane_id [upper_bound N]`; the subgroup queries end in `: index` (MLIR 22)."""
    properties: dict[str, Any] = {}
    if parser.parse_optional_keyword("upper_bound") is not None:
        properties["upper_bound"] = IntegerAttr(parser.parse_integer(), IndexType())
    attributes = parser.parse_optional_attr_dict()
    if cls is not gpu.LaneIdOp:
        parser.parse_punctuation(":")
        start = parser.pos
        if not isinstance(parser.parse_type(), IndexType):
            parser.raise_error("expected index", start, parser.pos)
    return cls.create(result_types=[IndexType()], attributes=attributes,
                      properties=properties)


def _print_plain_index(self: Any, printer: Printer) -> None:
    bound = self.properties.get("upper_bound")
    if isinstance(bound, IntegerAttr):
        printer.print_string(f" upper_bound {bound.value.data}")
    printer.print_op_attributes(self.attributes)
    if not isinstance(self, gpu.LaneIdOp):
        printer.print_string(" : index")


# --- gpu.module / gpu.func ---------------------------------------------------------------

def _parse_module(cls: type[gpu.ModuleOp], parser: Parser) -> gpu.ModuleOp:
    name = parser.parse_symbol_name()
    attributes: dict[str, Any] = {}
    targets = parser.parse_optional_comma_separated_list(Parser.Delimiter.SQUARE,
                                                         parser.parse_attribute)
    if targets is not None:
        from xdsl.dialects.builtin import ArrayAttr

        attributes["targets"] = ArrayAttr(targets)
    extra = parser.parse_optional_attr_dict_with_keyword()
    attributes |= extra.data if extra is not None else {}
    body = parser.parse_region()
    if not body.blocks:
        body.add_block(Block())
    return cls.create(properties={"sym_name": name}, attributes=dict(attributes),
                      regions=[body])


def _print_module(self: gpu.ModuleOp, printer: Printer) -> None:
    printer.print_string(" @")
    printer.print_identifier_or_string_literal(self.sym_name.data)
    attributes = dict(self.attributes)
    targets = attributes.pop("targets", None)
    if targets is not None:
        printer.print_string(" [")
        printer.print_list(targets.data, printer.print_attribute)  # pyright: ignore[reportAttributeAccessIssue]  # the parser stores targets as an ArrayAttr
        printer.print_string("]")
    printer.print_op_attributes(attributes, print_keyword=True)
    printer.print_string(" ")
    printer.print_region(self.body, print_empty_block=False)


def _parse_func(cls: type[gpu.FuncOp], parser: Parser) -> gpu.FuncOp:
    """`@k(%a: f32) [-> T] [workgroup(%w: memref<...>)] [private(...)] [kernel]
    [attributes {...}] { ... }`: attributions are extra entry-block arguments."""
    name = parser.parse_symbol_name()
    arguments = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                                  lambda: parser.parse_argument())
    outputs = parse_optional_arrow_types(parser)
    workgroup, private = _parse_attributions(parser)
    properties: dict[str, Any] = {
        "function_type": FunctionType.from_lists([a.type for a in arguments], outputs)}
    if parser.parse_optional_keyword("kernel") is not None:
        properties["kernel"] = UnitAttr()
    extra = parser.parse_optional_attr_dict_with_keyword()
    attributes = dict(extra.data) if extra is not None else {}
    attributes["sym_name"] = name
    if workgroup:
        attributes["workgroup_attributions"] = IntegerAttr(len(workgroup), 64)
    body = parser.parse_region([*arguments, *workgroup, *private])
    return cls.create(properties=properties, attributes=attributes, regions=[body])


def _workgroup_count(op: gpu.FuncOp) -> int:
    count = op.attributes.get("workgroup_attributions")
    return count.value.data if isinstance(count, IntegerAttr) else 0


def _verify_func(op: gpu.FuncOp) -> None:
    """xDSL's check with attributions allowed after the inputs, as MLIR's."""
    from xdsl.utils.exceptions import VerifyException

    inputs = op.function_type.inputs.data
    args = op.body.blocks[0].args if op.body.blocks else ()
    if tuple(a.type for a in args[: len(inputs)]) != tuple(inputs):
        raise VerifyException("Expected first entry block arguments to have the same types "
                              "as the function input types")
    if any(not isinstance(a.type, MemRefType) for a in args[len(inputs):]):
        raise VerifyException("expected memref type in attribution")
    if op.kernel is not None and op.function_type.outputs.data:
        raise VerifyException("Expected void return type for kernel function")


def _print_func(self: gpu.FuncOp, printer: Printer) -> None:
    inputs = len(self.function_type.inputs.data)
    args = self.body.blocks[0].args
    workgroup = _workgroup_count(self)
    printer.print_string(" @")
    printer.print_identifier_or_string_literal(self.sym_name.data)
    printer.print_string("(")
    printer.print_list(args[:inputs], printer.print_block_argument)
    printer.print_string(")")
    print_optional_arrow_types(printer, self.function_type.outputs.data)
    _print_attributions(printer, args[inputs:], workgroup)
    # MLIR's generic form keeps `gpu.kernel` and `workgroup_attributions` as attributes;
    # its custom form spells the first `kernel` and derives the second.
    if self.kernel is not None or "gpu.kernel" in self.attributes:
        printer.print_string(" kernel")
    hidden = ("sym_name", "gpu.kernel", "workgroup_attributions")
    attributes = {k: v for k, v in self.attributes.items() if k not in hidden}
    printer.print_op_attributes(attributes, print_keyword=True)
    printer.print_string(" ")
    printer.print_region(self.body, print_entry_block_args=False)


# --- gpu.launch_func / gpu.launch --------------------------------------------------------

def _parse_launch(cls: type[gpu.LaunchOp], parser: Parser) -> gpu.LaunchOp:
    """`blocks(%bx, %by, %bz) in (%gx = %a, ...) threads(...) in (...)`; the body's
    twelve index arguments are the block ids, thread ids, grid and block sizes."""
    is_async, dependencies = parse_async(parser)
    cluster_ids: list[Any] = []
    cluster_args: list[Any] = []
    cluster: list[Any] = []
    if parser._current_token.text == "clusters":  # no public peek
        cluster_ids, cluster_args, cluster = _parse_launch_group(parser, "clusters")
    block_ids, grid_args, grid = _parse_launch_group(parser, "blocks")
    thread_ids, block_args, block = _parse_launch_group(parser, "threads")
    shared = None
    if parser.parse_optional_keyword("dynamic_shared_memory_size") is not None:
        from xdsl.dialects.builtin import i32

        shared = parser.resolve_operand(parser.parse_unresolved_operand(), i32)
    workgroup, private = _parse_attributions(parser)
    # MLIR's order: block ids, thread ids, grid and block sizes, then the cluster ids and
    # sizes when there are clusters, then the attributions
    body = parser.parse_region([*block_ids, *thread_ids, *grid_args, *block_args,
                                *cluster_ids, *cluster_args, *workgroup, *private])
    attributes = parser.parse_optional_attr_dict()
    op = cls(body, grid, block, cluster, is_async, dependencies, shared)
    op.attributes |= attributes
    if workgroup:
        op.attributes["workgroup_attributions"] = IntegerAttr(len(workgroup), 64)
    return op


def _parse_attributions(parser: Parser) -> tuple[list[Any], list[Any]]:
    """`workgroup(%w : memref<...>) private(%p : memref<...>)`, both optional."""
    groups: dict[str, list[Any]] = {"workgroup": [], "private": []}
    for keyword in groups:
        if parser.parse_optional_keyword(keyword) is not None:
            groups[keyword] = parser.parse_comma_separated_list(
                Parser.Delimiter.PAREN, lambda: parser.parse_argument())
    return groups["workgroup"], groups["private"]


def _print_attributions(printer: Printer, args: Any, workgroup: int) -> None:
    for keyword, group in (("workgroup", args[:workgroup]), ("private", args[workgroup:])):
        if group:
            printer.print_string(f" {keyword}(")
            printer.print_list(group, printer.print_block_argument)
            printer.print_string(")")


def _verify_launch(op: gpu.LaunchOp) -> None:
    """xDSL's check (twelve index arguments) with MLIR's attributions allowed after."""
    from xdsl.utils.exceptions import VerifyException

    if not any(b.ops for b in op.body.blocks):
        raise VerifyException("gpu.launch requires a non-empty body.")
    args = op.body.blocks[0].args
    count = 18 if op.clusterSizeX is not None else 12
    if tuple(a.type for a in args[:count]) != (IndexType(),) * count:
        raise VerifyException(f"gpu.launch's body starts with {count} index arguments: block "
                              "ids, thread ids, grid sizes and block sizes (and cluster ids "
                              "and sizes)")
    if any(not isinstance(a.type, MemRefType) for a in args[count:]):
        raise VerifyException("expected memref type in attribution")


def _parse_launch_group(parser: Parser, keyword: str) -> tuple[list[Any], list[Any], list[Any]]:
    parser.parse_keyword(keyword)
    ids = parser.parse_comma_separated_list(
        Parser.Delimiter.PAREN,
        lambda: parser.parse_argument(expect_type=False).resolve(IndexType()))
    parser.parse_keyword("in")

    def size() -> tuple[Any, SSAValue]:
        argument = parser.parse_argument(expect_type=False).resolve(IndexType())
        parser.parse_punctuation("=")
        return argument, parser.resolve_operand(parser.parse_unresolved_operand(), IndexType())

    sizes = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, size)
    if len(ids) != 3 or len(sizes) != 3:
        parser.raise_error(f"gpu.launch {keyword} needs three ids and three sizes (x, y, z)")
    return ids, [argument for argument, _ in sizes], [value for _, value in sizes]


def _print_launch(self: gpu.LaunchOp, printer: Printer) -> None:
    print_async(printer, self.asyncToken, self.asyncDependencies)
    args = self.body.blocks[0].args
    sizes = ((self.gridSizeX, self.gridSizeY, self.gridSizeZ),
             (self.blockSizeX, self.blockSizeY, self.blockSizeZ),
             (self.clusterSizeX, self.clusterSizeY, self.clusterSizeZ))
    groups = [("blocks", 0, 6), ("threads", 3, 9)]
    if self.clusterSizeX is not None:
        groups.insert(0, ("clusters", 12, 15))
    for keyword, at, size_at in groups:
        index = {"blocks": 0, "threads": 1, "clusters": 2}[keyword]
        ids = args[at: at + 3]
        names = args[size_at: size_at + 3]
        printer.print_string(f" {keyword}(")
        printer.print_list(ids, lambda a: printer.print_block_argument(a, print_type=False))
        printer.print_string(") in (")
        pairs = list(zip(names, sizes[index], strict=True))

        def pair(item: tuple[Any, Any]) -> None:
            printer.print_block_argument(item[0], print_type=False)
            printer.print_string(" = ")
            printer.print_operand(item[1])

        printer.print_list(pairs, pair)
        printer.print_string(")")
    if self.dynamicSharedMemorySize is not None:
        printer.print_string(" dynamic_shared_memory_size ")
        printer.print_operand(self.dynamicSharedMemorySize)
    count = self.attributes.get("workgroup_attributions")
    _print_attributions(printer, args[18 if self.clusterSizeX is not None else 12:],
                        count.value.data if isinstance(count, IntegerAttr) else 0)
    printer.print_string(" ")
    printer.print_region(self.body, print_entry_block_args=False)
    printer.print_op_attributes(self.attributes,
                                reserved_attr_names=("workgroup_attributions",))


