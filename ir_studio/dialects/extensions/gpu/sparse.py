"""The gpu dialect's sparse linear-algebra ops (cuSPARSE-style handles) and handle types
of MLIR 22 (GPUOps.td), which xDSL 0.74 lacks:

    %spmat, %t1 = gpu.create_csr async [%t0] %rows, %cols, %nnz, %pos, %idx, %vals
        : memref<?xindex>, memref<?xindex>, memref<?xf64>
    %dn, %t2 = gpu.create_dn_tensor async [%t1] %x, %n : index into memref<?xf64>
    %t3 = gpu.spmv async [%t2] %spmat{TRANSPOSE}, %dn, %dn, %buffer : memref<?xf64> into f64
    %t4 = gpu.destroy_sp_mat async [%t3] %spmat

The ops are described by a table (operand kinds and the trailing type list of each
format) read by one parser and printer, rather than written out one by one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from xdsl.dialects import gpu
from xdsl.dialects.builtin import DenseArrayBase, IndexType, MemRefType, UnregisteredAttr, i32
from xdsl.ir import Attribute, Operation, ParametrizedAttribute, SSAValue, TypeAttribute
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_attr_definition,
    irdl_op_definition,
    opt_prop_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import consumed_end
from ir_studio.dialects.extensions.gpu.async_ops import parse_async, print_async
from ir_studio.dialects.extensions.gpu.ops import keyword


@irdl_attr_definition
class DnTensorHandleType(ParametrizedAttribute, TypeAttribute):
    name = "gpu.sparse.dntensor_handle"


@irdl_attr_definition
class SpMatHandleType(ParametrizedAttribute, TypeAttribute):
    name = "gpu.sparse.spmat_handle"


@irdl_attr_definition
class SpGEMMOpHandleType(ParametrizedAttribute, TypeAttribute):
    name = "gpu.sparse.spgemmop_handle"


_HANDLES: dict[str, type[Attribute]] = {"dn": DnTensorHandleType, "spmat": SpMatHandleType,
                                        "spgemm": SpGEMMOpHandleType}

# op -> (operands in the written order, trailer, results before the async token)
# operand kinds: idx (index), dn / spmat (a handle), mem (a memref, its type in the
# trailing list), mems (one or more memrefs), dims (one or more indices, typed in the
# trailer), and a `{mode}` suffix: an optional transpose mode after the operand.
# trailers: mem_types (`: T...`), dims_into (`: index... into M`), into (`into T`, the
# compute type), mem_types_into (`: T... into T`), sizes_into (`: index... into T`, the
# result types), compute (`: T`, the compute type), compute_into (`: T into M`, M the
# buffer's type), none.
# An enum in braces before the operands: (property, its words, MLIR's attribute name).
_PREFIX: dict[str, tuple[str, tuple[str, ...], str]] = {
    "create_2to4_spmat": ("pruneFlag", ("NONE", "PRUNE_ONLY", "PRUNE_AND_CHECK"),
                          "gpu.prune_2to4_spmat_flag"),
    "spgemm_work_estimation_or_compute": ("kind", ("WORK_ESTIMATION", "COMPUTE"),
                                          "gpu.spgemm_work_estimation_or_compute_kind"),
}
# Where MLIR stores operands in another order than they are written: stored i = written
# ORDER[i] (the SpGEMM descriptor is written after the matrices, stored before them).
_ORDER: dict[str, tuple[int, ...]] = {
    "spgemm_work_estimation_or_compute": (3, 0, 1, 2, 4, 5),
    "spgemm_copy": (3, 0, 1, 2),
}
SPECS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "create_dn_tensor": (("mem", "dims"), "dims_into", "dn"),
    "destroy_dn_tensor": (("dn",), "none", ""),
    "create_coo": (("idx", "idx", "idx", "mem", "mem", "mem"), "mem_types", "spmat"),
    "create_coo_aos": (("idx", "idx", "idx", "mem", "mem"), "mem_types", "spmat"),
    "create_csr": (("idx", "idx", "idx", "mem", "mem", "mem"), "mem_types", "spmat"),
    "create_csc": (("idx", "idx", "idx", "mem", "mem", "mem"), "mem_types", "spmat"),
    "create_bsr": (("idx", "idx", "idx", "idx", "idx", "mem", "mem", "mem"), "mem_types",
                   "spmat"),
    "destroy_sp_mat": (("spmat",), "none", ""),
    "spmv_buffer_size": (("spmat{modeA}", "dn", "dn"), "into", "index"),
    "spmv": (("spmat{modeA}", "dn", "dn", "mem"), "mem_types_into", ""),
    "spmm_buffer_size": (("spmat{modeA}", "dn{modeB}", "dn"), "sizes_into", "indices"),
    "spmm": (("spmat{modeA}", "dn{modeB}", "dn", "mems"), "mem_types_into", ""),
    "sddmm_buffer_size": (("dn{modeA}", "dn{modeB}", "spmat"), "into", "index"),
    "sddmm": (("dn{modeA}", "dn{modeB}", "spmat", "mem"), "mem_types_into", ""),
    "create_2to4_spmat": (("idx", "idx", "mem"), "mem_types", "spmat"),
    "spgemm_work_estimation_or_compute": (
        ("spmat{modeA}", "spmat{modeB}", "spmat", "spgemm", "idx", "mem"), "compute_into",
        "index"),
    "spgemm_copy": (("spmat{modeA}", "spmat{modeB}", "spmat", "spgemm"), "compute", ""),
    "spgemm_create_descr": ((), "none", "spgemm"),
    "spgemm_destroy_descr": (("spgemm",), "none", ""),
    "spmat_get_size": (("spmat",), "none", "3index"),
    "set_csr_pointers": (("spmat", "mem", "mem", "mem"), "mem_types", ""),
}
_SEGMENTED = {"create_dn_tensor": "operand", "spmm": "operand", "spmm_buffer_size": "result"}
_MODES = ("NON_TRANSPOSE", "TRANSPOSE", "CONJUGATE_TRANSPOSE")


def ops() -> list[type[Operation]]:
    return list(_OPS)


def attributes() -> list[type[Attribute]]:
    return [DnTensorHandleType, SpMatHandleType, SpGEMMOpHandleType]


def _enum_attr(parser: Parser, word: str, name: str = "gpu.mat_transpose_mode") -> Attribute:
    """MLIR's `#gpu<mat_transpose_mode TRANSPOSE>` and the like (opaque in xDSL), so the
    generic form prints as mlir-opt's."""
    from xdsl.dialects.builtin import StringAttr

    opaque = parser.ctx.get_optional_attr(name)
    if opaque is None or not issubclass(opaque, UnregisteredAttr):
        return StringAttr(word)
    return opaque(name, False, True, f" {word}")


def _typed(parser: Parser, memref: bool) -> Attribute:
    """A type; where the format has `type($memref)`, MLIR's check of its kind."""
    start = parser._current_token.span.start  # no public peek
    written = parser.parse_type()
    if memref and not isinstance(written, MemRefType):
        parser.raise_error(f"invalid kind of type specified: expected builtin.memref, but "
                           f"found '{written}'", start, consumed_end(parser))
    return written


class SparseOp(IRDLOperation):
    """One op of `SPECS`: async dependencies, then the operands of its format."""

    SHORT: ClassVar[str] = ""
    operands_ = var_operand_def()
    results_ = var_result_def()
    modeA = opt_prop_def(AnyAttr())
    modeB = opt_prop_def(AnyAttr())
    computeType = opt_prop_def(AnyAttr())
    pruneFlag = opt_prop_def(AnyAttr())
    kind = opt_prop_def(AnyAttr())
    operandSegmentSizes = opt_prop_def(DenseArrayBase)
    resultSegmentSizes = opt_prop_def(DenseArrayBase)

    def _split(self) -> tuple[list[SSAValue], list[SSAValue]]:
        tokens = 0
        while tokens < len(self.operands) and isinstance(self.operands[tokens].type,
                                                        gpu.AsyncTokenType):
            tokens += 1
        stored = list(self.operands[tokens:])
        order = _ORDER.get(self.SHORT)
        if order is not None and len(order) == len(stored):
            written = [stored[0]] * len(stored)
            for position, value in zip(order, stored, strict=True):
                written[position] = value
            stored = written
        return list(self.operands[:tokens]), stored

    def verify_(self) -> None:
        parts, trailer, _ = SPECS[self.SHORT]
        dependencies, values = self._split()
        fixed = [p.split("{")[0] for p in parts]
        variadic = any(kind in ("dims", "mems") for kind in fixed)
        if (len(values) < len(fixed)) if variadic else (len(values) != len(fixed)):
            raise VerifyException(f"expected {len(fixed)} operands after the async "
                                  f"dependencies, got {len(values)}")
        for number, (kind, value) in enumerate(zip(fixed, values, strict=False)):
            wanted = {"idx": IndexType, "dims": IndexType, "mem": MemRefType,
                      "mems": MemRefType, **_HANDLES}[kind]
            if not isinstance(value.type, wanted):
                described = {"idx": "index", "dims": "variadic of index",
                             "mem": "memref of any type values",
                             "mems": "variadic of memref of any type values",
                             "dn": "dense tensor handle type",
                             "spmat": "sparse matrix handle type",
                             "spgemm": "SpGEMM operation handle type"}[kind]
                raise VerifyException(f"operand #{number + len(dependencies)} must be "
                                      f"{described}, but got '{value.type}'")
        if (trailer.startswith("compute") or (trailer.endswith("into")
                                              and trailer != "dims_into")) \
                and self.computeType is None:
            raise VerifyException("requires attribute 'computeType'")

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        parts, trailer, result = SPECS[cls.SHORT]
        is_async, dependencies = parse_async(parser)
        names: list[tuple[str, Any]] = []
        properties: dict[str, Attribute] = {}
        prefix = _PREFIX.get(cls.SHORT)
        if prefix is not None:
            parser.parse_punctuation("{")
            start = parser._current_token.span.start  # no public peek
            word = parser.parse_identifier()
            if word not in prefix[1]:
                parser.raise_error(f"expected one of {', '.join(prefix[1])}", start,
                                   parser.pos)
            parser.parse_punctuation("}")
            properties[prefix[0]] = _enum_attr(parser, word, prefix[2])
        for number, part in enumerate(parts):
            if number:
                parser.parse_punctuation(",")
            kind, _, mode = part.partition("{")
            if kind in ("dims", "mems"):
                group = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                          parser.parse_unresolved_operand)
                names.extend((kind, name) for name in group)
            else:
                names.append((kind, parser.parse_unresolved_operand()))
            if mode and parser.parse_optional_punctuation("{") is not None:
                start = parser.pos
                word = parser.parse_identifier()
                if word not in _MODES:
                    parser.raise_error("expected ::mlir::gpu::TransposeMode to be one of: "
                                       + ", ".join(_MODES), start, parser.pos)
                parser.parse_punctuation("}")
                properties[mode.rstrip("}")] = _enum_attr(parser, word)
        attributes = parser.parse_optional_attr_dict()
        listed: list[Attribute] = []
        if trailer in ("mem_types", "dims_into", "mem_types_into", "sizes_into"):
            parser.parse_punctuation(":")
            memrefs = trailer in ("mem_types", "mem_types_into")
            listed = parser.parse_comma_separated_list(
                Parser.Delimiter.NONE, lambda: _typed(parser, memrefs))
        memref_type: Attribute | None = None
        if trailer.startswith("compute"):
            parser.parse_punctuation(":")
            properties["computeType"] = parser.parse_type()
            if trailer == "compute_into":
                parser.parse_keyword("into")
                listed = [_typed(parser, True)]
        elif trailer.endswith("into"):
            parser.parse_keyword("into")
            into = _typed(parser, trailer == "dims_into")
            if trailer == "dims_into":
                memref_type = into
            else:
                properties["computeType"] = into
        operands: list[SSAValue] = []
        typed = iter(listed)
        for kind, name in names:
            if kind in ("idx",) or (kind == "dims" and trailer != "dims_into"):
                operand_type: Attribute = IndexType()
            elif kind == "dims":
                operand_type = next(typed, IndexType())
            elif kind in _HANDLES:
                operand_type = _HANDLES[kind]()
            elif trailer == "dims_into":
                operand_type = memref_type if memref_type is not None else IndexType()
            else:
                written = next(typed, None)
                if written is None:
                    parser.raise_error("expected a type for each memref operand")
                operand_type = written
            operands.append(parser.resolve_operand(name, operand_type))
        order = _ORDER.get(cls.SHORT)
        if order is not None and len(order) == len(operands):
            operands = [operands[position] for position in order]
        results: list[Attribute] = {"dn": [DnTensorHandleType()], "spmat": [SpMatHandleType()],
                                    "spgemm": [SpGEMMOpHandleType()], "index": [IndexType()],
                                    "3index": [IndexType()] * 3, "": []}.get(result, [])
        if result == "indices":
            results = listed
        if is_async:
            results = [*results, gpu.AsyncTokenType()]
        segments = _SEGMENTED.get(cls.SHORT)
        if segments == "operand":
            variadic = sum(1 for kind, _ in names if kind in ("dims", "mems"))
            sizes = [len(dependencies), len(names) - variadic, variadic] \
                if cls.SHORT == "create_dn_tensor" else \
                [len(dependencies), 1, 1, 1, variadic]
            properties["operandSegmentSizes"] = DenseArrayBase.from_list(i32, sizes)
        elif segments == "result":
            properties["resultSegmentSizes"] = DenseArrayBase.from_list(
                i32, [len(listed), int(is_async)])
        return cls.create(operands=[*dependencies, *operands], result_types=results,
                          properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        parts, trailer, _ = SPECS[self.SHORT]
        dependencies, values = self._split()
        token = self.results[-1] if self.results and isinstance(
            self.results[-1].type, gpu.AsyncTokenType) else None
        print_async(printer, token, dependencies)
        prefix = _PREFIX.get(self.SHORT)
        if prefix is not None:
            printer.print_string(f" {{{keyword(self.properties.get(prefix[0]) or '')}}}")
        if parts:
            printer.print_string(" ")
        remaining = list(values)
        for number, part in enumerate(parts):
            kind, _, mode = part.partition("{")
            if number:
                printer.print_string(", ")
            count = len(remaining) - (len(parts) - number - 1) \
                if kind in ("dims", "mems") else 1
            printer.print_list(remaining[:count], printer.print_operand)
            remaining = remaining[count:]
            mode_attr = self.properties.get(mode.rstrip("}")) if mode else None
            if mode_attr is not None and keyword(mode_attr) != "NON_TRANSPOSE":
                printer.print_string(f"{{{keyword(mode_attr)}}}")
        printer.print_op_attributes(self.attributes)
        memrefs = [v.type for v in values if isinstance(v.type, MemRefType)]
        if trailer in ("mem_types", "mem_types_into"):
            printer.print_string(" : ")
            printer.print_list(memrefs, printer.print_attribute)
        elif trailer == "dims_into":
            printer.print_string(" : ")
            printer.print_list([v.type for v in values[1:]], printer.print_attribute)
        elif trailer == "sizes_into":
            printer.print_string(" : ")
            sizes = [r.type for r in self.results if not isinstance(r.type,
                                                                     gpu.AsyncTokenType)]
            printer.print_list(sizes, printer.print_attribute)
        if trailer == "dims_into":
            printer.print_string(" into ")
            printer.print_attribute(values[0].type)
        elif trailer.endswith("into") and not trailer.startswith("compute") and \
                self.computeType is not None:
            printer.print_string(" into ")
            printer.print_attribute(self.computeType)
        if trailer.startswith("compute") and self.computeType is not None:
            printer.print_string(" : ")
            printer.print_attribute(self.computeType)
            if trailer == "compute_into":
                printer.print_string(" into ")
                printer.print_attribute(values[-1].type)



def _define(short: str) -> type[Operation]:
    Defined = type("Defined", (SparseOp,), {
        "name": f"gpu.{short}", "SHORT": short, "__module__": __name__,
        "__annotations__": {"SHORT": "ClassVar[str]"}})
    Defined.__name__ = Defined.__qualname__ = "".join(
        part.title() for part in short.split("_")) + "Op"
    return irdl_op_definition(Defined)


_OPS: Sequence[type[Operation]] = [_define(short) for short in SPECS]
