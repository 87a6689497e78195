"""The two standard inputs of the foundation issue, generated deterministically."""

from __future__ import annotations

from pathlib import Path


def chain(ops: int = 20_000) -> str:
    """One function of `ops` chained arith.addi."""
    lines = ["func.func @chain(%arg0: i32) -> i32 {"]
    previous = "%arg0"
    for index in range(ops):
        lines.append(f"  %{index} = arith.addi {previous}, {previous} : i32")
        previous = f"%{index}"
    lines.append(f"  return {previous} : i32\n}}\n")
    return "\n".join(lines)


def funcs(functions: int = 500, ops: int = 40) -> str:
    """`functions` functions of `ops` ops each (arith chains, a call, a return)."""
    out: list[str] = []
    for f in range(functions):
        out.append(f"func.func @f{f}(%a: i32, %b: i32) -> i32 {{")
        previous = "%a"
        for index in range(ops - 2):
            op = "arith.addi" if index % 2 == 0 else "arith.muli"
            out.append(f"  %{index} = {op} {previous}, %b : i32")
            previous = f"%{index}"
        callee = f"@f{f - 1}" if f else "@f0"
        out.append(f"  %c = func.call {callee}({previous}, %b) : (i32, i32) -> i32")
        out.append("  return %c : i32\n}")
    return "\n".join(out) + "\n"


def write_inputs(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"chain": folder / "chain-20k.mlir", "funcs": folder / "funcs-500x40.mlir"}
    paths["chain"].write_text(chain())
    paths["funcs"].write_text(funcs())
    return paths
