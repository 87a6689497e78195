"""The per-op table: time, bytes, FLOPs, achieved bandwidth and FLOP rate, and which engine
bounds the op (the one busier during it), sortable by time."""

from __future__ import annotations

from dataclasses import dataclass

from ir_studio.tpu.simulate import OpSummary


@dataclass(frozen=True)
class OpRow:
    loc: str
    op: str
    order: int
    seconds: float
    gdma_s: float
    bdc_s: float
    bytes: int
    flops: int

    @property
    def bandwidth(self) -> float:
        """Bytes per second while the op ran."""
        return self.bytes / self.seconds if self.seconds else 0.0

    @property
    def flop_rate(self) -> float:
        return self.flops / self.seconds if self.seconds else 0.0

    @property
    def bound(self) -> str:
        return "GDMA" if self.gdma_s >= self.bdc_s else "BDC"

    def cells(self, total: float) -> tuple[str, ...]:
        share = self.seconds / total if total else 0.0
        return (
            self.loc,
            self.op.split(".", 1)[-1],
            f"{self.seconds * 1e3:.3f}",
            f"{share:.1%}",
            f"{self.gdma_s * 1e3:.3f}",
            f"{self.bdc_s * 1e3:.3f}",
            f"{self.bytes / 2**20:.2f}",
            f"{self.flops / 1e9:.3f}",
            f"{self.bandwidth / 1e9:.1f}",
            f"{self.flop_rate / 1e12:.2f}",
            self.bound,
        )


COLUMNS = (
    "op",
    "type",
    "time ms",
    "share",
    "GDMA ms",
    "BDC ms",
    "MiB",
    "GFLOP",
    "GB/s",
    "TFLOP/s",
    "bound",
)


def op_rows(ops: list[OpSummary]) -> list[OpRow]:
    return [
        OpRow(o.loc, o.op, n, o.end - o.start, o.gdma_s, o.bdc_s, o.bytes, o.flops)
        for n, o in enumerate(ops)
    ]


def sort_rows(rows: list[OpRow], by_time: bool) -> list[OpRow]:
    """Longest first, or program order."""
    if by_time:
        return sorted(rows, key=lambda r: (-r.seconds, r.order))
    return sorted(rows, key=lambda r: r.order)
