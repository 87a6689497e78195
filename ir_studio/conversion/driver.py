"""Applying a conversion: partial or full, all or nothing (MLIR's applyPartialConversion
and applyFullConversion).

The driver visits ops outside-in, gives each op that is not legal to the first pattern
that accepts it, legalizes what that pattern created, reconciles the bridge casts, then
checks the target. On failure the IR is rolled back to what it was and the error comes
back as a value, placed at the op that could not be legalized.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from xdsl.dialects.builtin import UnrealizedConversionCastOp
from xdsl.ir import Operation, SSAValue
from xdsl.rewriter import Rewriter

from ir_studio.conversion.rewriter import ConversionRewriter
from ir_studio.conversion.target import ConversionTarget, Legality, OpKey
from ir_studio.conversion.type_converter import TypeConverter
from ir_studio.pass_failure import PassFailure, location_of
from ir_studio.verify import op_display_name


class ConversionPattern(ABC):
    """Converts one kind of op. `operands` are the op's operands in converted types."""

    root: ClassVar[OpKey]

    def root_name(self) -> str:
        return self.root if isinstance(self.root, str) else self.root.name

    @abstractmethod
    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        """Rewrite `op` and return True, or return False (without touching IR) to decline."""


class Mode(Enum):
    PARTIAL = "partial"
    FULL = "full"


@dataclass(frozen=True)
class ConversionError:
    message: str
    op_name: str
    location: tuple[str, int, int] | None

    def as_failure(self) -> PassFailure:
        return PassFailure(self.message, at=self.location)


def _attached(op: Operation, root: Operation) -> bool:
    current: Operation | None = op
    while current is not None:
        if current is root:
            return True
        current = current.parent_op()
    return False


def _reconcile(rewriter: ConversionRewriter, root: Operation) -> None:
    """Fold cast pairs (A->B->A) and drop unused casts. Casts still needed stay, as in
    MLIR: `reconcile-unrealized-casts` or a later conversion may resolve them."""
    changed = True
    while changed:
        changed = False
        for cast in rewriter.casts:
            if not _attached(cast, root):
                continue
            source, result = cast.inputs[0], cast.results[0]
            replacement: SSAValue | None = None
            if source.type == result.type:
                replacement = source
            elif (
                isinstance(source.owner, UnrealizedConversionCastOp)
                and source.owner.inputs[0].type == result.type
            ):
                replacement = source.owner.inputs[0]
            if replacement is not None and result.uses:
                result.replace_all_uses_with(replacement)
                changed = True
            if not result.uses:
                Rewriter.erase_op(cast, safe_erase=False)
                changed = True


def _unresolved(rewriter: ConversionRewriter, root: Operation) -> ConversionError | None:
    """A bridge cast still in use after a full conversion: a value nobody converted."""
    for cast in rewriter.casts:
        if _attached(cast, root) and cast.results[0].uses:
            user = next(iter(cast.results[0].uses)).operation
            return ConversionError(
                f"failed to materialize conversion from {cast.inputs[0].type} to "
                f"{cast.results[0].type} for '{user.name}'",
                user.name,
                location_of(user),
            )
    return None


def _restore(root: Operation, backup: Operation) -> None:
    for region, saved in zip(root.regions, backup.regions, strict=True):
        for block in list(region.blocks):
            for op in list(block.ops):
                op.drop_all_references()
        for block in list(region.blocks):
            for op in reversed(list(block.ops)):
                Rewriter.erase_op(op, safe_erase=False)
            region.detach_block(block)
        for block in list(saved.blocks):
            saved.detach_block(block)
            region.add_block(block)


def apply_conversion(
    root: Operation,
    target: ConversionTarget,
    patterns: Sequence[ConversionPattern],
    type_converter: TypeConverter | None = None,
    mode: Mode = Mode.PARTIAL,
) -> ConversionError | None:
    """Convert everything nested in `root`; returns None on success, else the error
    (and `root` is as it was before the call)."""
    backup = root.clone()
    by_root: dict[str, list[ConversionPattern]] = {}
    for pattern in patterns:
        by_root.setdefault(pattern.root_name(), []).append(pattern)
    rewriter = ConversionRewriter(type_converter)
    worklist = [op for op in root.walk() if op is not root]
    error: ConversionError | None = None
    index = 0
    while index < len(worklist):
        op = worklist[index]
        index += 1
        if not _attached(op, root):
            continue
        legality = target.legality(op)
        if legality is Legality.LEGAL or (legality is Legality.UNKNOWN and mode is Mode.PARTIAL):
            continue
        if rewriter.is_bridge(op):
            continue
        rewriter.current = op
        rewriter.created = []
        applied = False
        try:
            for pattern in by_root.get(op.name, ()):
                operands = rewriter.remap_all(op.operands)
                if pattern.match_and_rewrite(op, operands, rewriter):
                    applied = True
                    break
        except PassFailure as failure:
            _restore(root, backup)
            return ConversionError(failure.message, op.name, failure.location)
        rewriter.current = None
        if applied:
            worklist.extend(inner for created in rewriter.created for inner in created.walk())
    _reconcile(rewriter, root)
    for op in root.walk():
        if op is root or rewriter.is_bridge(op):
            continue
        legality = target.legality(op)
        if legality is Legality.ILLEGAL or (mode is Mode.FULL and legality is Legality.UNKNOWN):
            suffix = " that was explicitly marked illegal" if mode is Mode.PARTIAL else ""
            error = ConversionError(
                f"failed to legalize operation '{op_display_name(op)}'{suffix}",
                op_display_name(op),
                location_of(op),
            )
            break
    if error is None and mode is Mode.FULL:
        error = _unresolved(rewriter, root)
    if error is not None:
        _restore(root, backup)
    return error


def apply_partial_conversion(
    root: Operation,
    target: ConversionTarget,
    patterns: Sequence[ConversionPattern],
    type_converter: TypeConverter | None = None,
) -> ConversionError | None:
    """Convert what patterns can; only explicitly illegal ops must be gone afterwards."""
    return apply_conversion(root, target, patterns, type_converter, Mode.PARTIAL)


def apply_full_conversion(
    root: Operation,
    target: ConversionTarget,
    patterns: Sequence[ConversionPattern],
    type_converter: TypeConverter | None = None,
) -> ConversionError | None:
    """Convert everything: any op not legal afterwards fails the whole conversion."""
    return apply_conversion(root, target, patterns, type_converter, Mode.FULL)
