"""The rewriter conversion patterns use: inserts before the op being converted, keeps
locations, and bridges converted and unconverted values with unrealized casts.

While a conversion is half done, a value may exist in its old type (for users not yet
converted) and its new type (for converted users). MLIR bridges the two with
`unrealized_conversion_cast` and removes the casts at the end; so does this rewriter:
`replace_op` casts new values back for old users, `remap` hands a pattern its
operands in converted types, and the driver reconciles the casts afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects.builtin import UnknownLoc, UnrealizedConversionCastOp
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.rewriter import InsertPoint, Rewriter

from ir_studio.conversion.type_converter import TypeConverter


class ConversionRewriter:
    """Handed to every pattern; records what it creates so the driver can legalize it."""

    def __init__(self, type_converter: TypeConverter | None) -> None:
        self.type_converter = type_converter
        self.casts: list[UnrealizedConversionCastOp] = []
        self._cast_ids: set[int] = set()
        self.created: list[Operation] = []
        self.current: Operation | None = None

    # -- creating ops ---------------------------------------------------------
    def _adopt(self, op: Operation) -> None:
        source = self.current.location if self.current is not None else None
        for inner in op.walk():
            if source is not None and isinstance(inner.location, UnknownLoc):
                inner.location = source
        self.created.append(op)

    def insert(self, *ops: Operation) -> None:
        """Insert ops before the op being converted, in order."""
        assert self.current is not None
        for op in ops:
            Rewriter.insert_op(op, InsertPoint.before(self.current))
            self._adopt(op)

    def insert_at(self, point: InsertPoint, *ops: Operation) -> None:
        for op in ops:
            Rewriter.insert_op(op, point)
            self._adopt(op)

    # -- replacing ------------------------------------------------------------
    def replace_op(self, op: Operation, values: Sequence[SSAValue]) -> None:
        """Replace op's results by `values`; users still in the old types see a cast."""
        if len(values) != len(op.results):
            raise ValueError(f"{op.name}: {len(op.results)} results, {len(values)} replacements")
        for old, new in zip(op.results, values, strict=True):
            if old.uses and new.type != old.type:
                new = self._cast(new, old.type, InsertPoint.before(op))
            if new.name_hint is None:
                new.name_hint = old.name_hint
            old.replace_all_uses_with(new)
        Rewriter.erase_op(op, safe_erase=False)

    def erase_op(self, op: Operation) -> None:
        Rewriter.erase_op(op, safe_erase=False)

    def move_region(self, region: Region) -> Region:
        """Take the blocks of `region` into a new region (for the op replacing its owner)."""
        return Rewriter.move_region_contents_to_new_regions(region)

    # -- types ----------------------------------------------------------------
    def convert_type(self, t: Attribute) -> Attribute | None:
        return t if self.type_converter is None else self.type_converter.convert_type(t)

    def _cast(self, value: SSAValue, to: Attribute, point: InsertPoint) -> SSAValue:
        cast = UnrealizedConversionCastOp.get([value], [to])
        if self.current is not None:
            cast.location = self.current.location
        Rewriter.insert_op(cast, point)
        self._track(cast)
        return cast.results[0]

    def _track(self, cast: UnrealizedConversionCastOp) -> None:
        self.casts.append(cast)
        self._cast_ids.add(id(cast))

    def is_bridge(self, op: Operation) -> bool:
        """Whether `op` is a cast this conversion made (and will remove)."""
        return id(op) in self._cast_ids

    def remap(self, value: SSAValue) -> SSAValue:
        """`value` in its converted type: looks through a bridge cast or makes one."""
        want = self.convert_type(value.type)
        if want is None or want == value.type:
            return value
        owner = value.owner
        if isinstance(owner, UnrealizedConversionCastOp) and self.is_bridge(owner):
            source = owner.inputs[0]
            if source.type == want:
                return source
        assert self.current is not None
        return self._cast(value, want, InsertPoint.before(self.current))

    def remap_all(self, values: Sequence[SSAValue]) -> list[SSAValue]:
        return [self.remap(v) for v in values]

    def convert_block_types(self, block: Block) -> bool:
        """Give block arguments their converted types; old users get a cast. False when a
        type has no conversion."""
        for arg in list(block.args):
            want = self.convert_type(arg.type)
            if want is None:
                return False
            if want == arg.type:
                continue
            old_type = arg.type
            new_arg = Rewriter.replace_value_with_new_type(arg, want)
            users = [use for use in new_arg.uses]
            if users:
                cast = UnrealizedConversionCastOp.get([new_arg], [old_type])
                cast.location = self.current.location if self.current is not None else cast.location
                Rewriter.insert_op(cast, InsertPoint.at_start(block))
                self._track(cast)
                for use in users:
                    use.operation.operands[use.index] = cast.results[0]
        return True

    def convert_region_types(self, region: Region) -> bool:
        return all(self.convert_block_types(block) for block in region.blocks)
