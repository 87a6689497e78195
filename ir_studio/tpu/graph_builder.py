"""Build a top-dialect graph as xDSL ops and, when asked, as TPU-MLIR text.

The text is TPU-MLIR's generic form with trailing `#loc` aliases, the form the samples
ship in; the ops are what the estimate lowers and simulates without parsing anything.
Both come from one description of the graph (each `op` call emits both).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from xdsl.dialects.builtin import (
    ArrayAttr,
    FloatAttr,
    FunctionType,
    IntegerAttr,
    IntegerType,
    ModuleOp,
    NameLoc,
    NoneAttr,
    NoneType,
    Signedness,
    StringAttr,
    TensorType,
    f32,
    f64,
    i64,
)
from xdsl.dialects.func import FuncOp, ReturnOp
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue

from ir_studio.tpu.dialects import TOP_OPS

Attr = tuple[Attribute, str]
"""An attribute and its spelling in TPU-MLIR's generic form."""


def f64_attr(value: float, digits: str = "6") -> Attr:
    text = f"{value:.{digits}e}"
    return FloatAttr(float(text), f64), f"{text} : f64"


def si32_attr(value: int) -> Attr:
    return IntegerAttr(value, IntegerType(32, Signedness.SIGNED)), f"{value} : si32"


def bool_flag(value: bool) -> Attr:
    return IntegerAttr.from_bool(value), "true" if value else "false"


def int_list(values: list[int]) -> Attr:
    return ArrayAttr([IntegerAttr(v, i64) for v in values]), ints_text(values)


def slice_attrs(offset: list[int], ends: list[int]) -> dict[str, Attr]:
    return {
        "offset": int_list(offset),
        "ends": int_list(ends),
        "steps": int_list([1] * len(offset)),
    }


@dataclass
class GraphBuilder:
    """Builds the module as xDSL ops and, when asked, the same module as TPU-MLIR text
    (generic form with trailing `#loc` aliases, as the samples ship): one description of
    the graph, two outputs, and no parsing on the way to a simulation."""

    lines: list[str] = field(default_factory=list)
    locs: list[str] = field(default_factory=list)
    weights: dict[str, np.ndarray] = field(default_factory=dict)
    shapes: dict[str, tuple[int, ...] | None] = field(default_factory=dict)
    counter: int = 0
    rng: np.random.Generator = field(default_factory=lambda: np.random.default_rng(2023))
    with_data: bool = True
    with_text: bool = True
    values: dict[str, SSAValue] = field(default_factory=dict)
    ops: list[Operation] = field(default_factory=list)
    block: Block | None = None

    def loc(self, name: str) -> str:
        self.locs.append(name)
        return f"#loc{len(self.locs)}"

    def value(self) -> str:
        self.counter += 1
        return f"%{self.counter}"

    def _add(
        self,
        kind: str,
        operands: list[str],
        shape: tuple[int, ...] | None,
        name: str,
        attrs: dict[str, Attr],
    ) -> str:
        result = self.value()
        op = TOP_OPS[kind].create(
            operands=[self.values[o] for o in operands],
            result_types=[tensor_type(shape)],
            attributes={key: attr for key, (attr, _) in attrs.items()},
        )
        op.location = NameLoc(StringAttr(name), NoneAttr())
        self.ops.append(op)
        self.values[result] = op.results[0]
        self.shapes[result] = shape
        if self.with_text:
            in_types = ", ".join(type_text(self.shapes[o]) for o in operands)
            attr_text = ", ".join(f"{key} = {text}" for key, (_, text) in attrs.items())
            attr_text = f" {{{attr_text}}}" if attr_text else ""
            self.lines.append(
                f'    {result} = "top.{kind}"({", ".join(operands)}){attr_text} : '
                f"({in_types}) -> {type_text(shape)} loc({self.loc(name)})"
            )
        return result

    def op(
        self,
        kind: str,
        operands: list[str],
        shape: tuple[int, ...],
        name: str,
        attrs: dict[str, Attr] | None = None,
    ) -> str:
        return self._add(kind, operands, shape, name, attrs or {})

    def weight(self, name: str, shape: tuple[int, ...], scale: float, offset: float = 0.0) -> str:
        result = self._add("Weight", [], shape, name, {})
        if self.with_data:
            data = self.rng.standard_normal(shape).astype(np.float32) * scale + offset
            self.weights[name] = data.astype(np.float32)
        return result


def tensor_type(shape: tuple[int, ...] | None) -> Attribute:
    return NoneType() if shape is None else TensorType(f32, shape)


def type_text(shape: tuple[int, ...] | None) -> str:
    if shape is None:
        return "none"
    return "tensor<" + "x".join(str(d) for d in shape) + "xf32>"


def ints_text(values: list[int]) -> str:
    return "[" + ", ".join(str(v) for v in values) + "]"


def emit_inputs(b: GraphBuilder, args: list[tuple[str, tuple[int, ...]]]) -> list[str]:
    b.block = Block(arg_types=[tensor_type(shape) for _, shape in args])
    values = []
    for i, (name, shape) in enumerate(args):
        b.shapes[f"%arg{i}"] = shape
        b.block.args[i].name_hint = f"arg{i}"
        b.values[f"%arg{i}"] = b.block.args[i]
        values.append(b.op("Input", [f"%arg{i}"], shape, name, {"do_preprocess": bool_flag(False)}))
    return values


@dataclass(frozen=True)
class Built:
    """A built model: the module, its TPU-MLIR text (empty unless asked for) and weights."""

    module: ModuleOp
    text: str
    weights: dict[str, np.ndarray]


def finish_module(
    b: GraphBuilder,
    kind: str,
    args: list[tuple[str, tuple[int, ...]]],
    results: list[tuple[str, tuple[int, ...]]],
    weight_file: str,
) -> Built:
    attributes: dict[str, Attribute] = {
        "module.chip": StringAttr("ALL"),
        "module.platform": StringAttr("LLM"),
        "module.state": StringAttr("TOP_F32"),
        "module.weight_file": StringAttr(weight_file),
    }
    assert b.block is not None
    b.block.add_ops(b.ops)
    b.block.add_op(ReturnOp(*(b.values[v] for v, _ in results)))
    func = FuncOp(
        "main",
        FunctionType.from_lists(
            [tensor_type(s) for _, s in args], [tensor_type(s) for _, s in results]
        ),
        Region(b.block),
    )
    module = ModuleOp([func], attributes=attributes, sym_name=StringAttr(kind))
    text = ""
    if b.with_text:
        arg_text = ", ".join(f"%arg{i}: {type_text(shape)}" for i, (_, shape) in enumerate(args))
        res_types = ", ".join(type_text(s) for _, s in results)
        head = (
            f'module @{kind} attributes {{module.chip = "ALL", module.platform = "LLM", '
            f'module.state = "TOP_F32", module.weight_file = "{weight_file}"}} {{\n'
            f"  func.func @main({arg_text}) -> ({res_types}) {{\n"
        )
        ret = f"\n    return {', '.join(v for v, _ in results)} : {res_types}\n  }}\n}}\n"
        aliases = "".join(f'#loc{i + 1} = loc("{name}")\n' for i, name in enumerate(b.locs))
        text = head + "\n".join(b.lines) + ret + aliases
    return Built(module, text, b.weights)
