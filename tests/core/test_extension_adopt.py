"""adopt.py, which brings a module written for the old layer (`upstream_syntax/`) into
`extensions/`: its import rewriting and entry-point conversion, on text."""

from __future__ import annotations

from ir_studio.dialects.extensions.adopt import convert_entry_points, rewrite_imports

_OLD = "ir_studio.dialects.upstream_syntax"


def test_imports_of_moved_split_and_adopted_modules_are_rewritten() -> None:
    text = (
        f"from {_OLD}.formats import attach_syntax, consumed_end\n"
        f"from {_OLD}.extra_ops import IndexCastUIOp, ShapeCastOp\n"
        f"from {_OLD}.math_ops import parse_fastmath\n"
        f"from {_OLD}.gpu_mma import MMAMatrixType\n"
        f"from {_OLD}.not_adopted_yet import Something\n"
        "\n\ndef f() -> None:\n"
        f"    from {_OLD} import memref_global\n"
        f"    from {_OLD}.loops import _ensure_terminator\n"
    )
    out = rewrite_imports(text, {"gpu_mma": "gpu.mma"})
    new = "ir_studio.dialects.extensions"
    assert f"from {new}.formats import attach_syntax, consumed_end\n" in out
    assert f"from {new}.arith.extra_ops import IndexCastUIOp\n" in out
    assert f"from {new}.vector.shape_cast import ShapeCastOp\n" in out
    assert f"from {new}.formats import parse_fastmath\n" in out
    assert f"from {new}.gpu.mma import MMAMatrixType\n" in out
    assert f"from {_OLD}.not_adopted_yet import Something\n" in out  # its own run
    assert f"    from {new}.memref import global_op as memref_global\n" in out
    assert f"    from {new}.scf.loops import ensure_terminator as _ensure_terminator\n" in out


def test_entry_points_become_declarations() -> None:
    text = '''from xdsl.dialects import gpu


def install() -> None:
    """Nothing to patch: the ops are new."""


def extra_ops(dialect: str) -> list[type[Operation]]:
    return [AOp, BOp] if dialect == "gpu" else []


def extra_attributes(dialect: str) -> list[type[Attribute]]:
    return [AType] if dialect == "gpu" else []


def other() -> None:
    if getattr(gpu.YieldOp, "_ir_studio_warp", False):
        return
    gpu.YieldOp.verify_ = check
    gpu.YieldOp._ir_studio_warp = True
'''
    out = convert_entry_points(text)
    assert "def install" not in out
    assert "def ops() -> list[type[Operation]]:\n    return [AOp, BOp]\n" in out
    assert "def attributes() -> list[type[Attribute]]:\n    return [AType]\n" in out
    assert "_ir_studio_warp" not in out
    assert "gpu.YieldOp.verify_ = check" in out


def test_a_module_that_already_declares_ops_keeps_one_definition() -> None:
    text = '''def ops() -> list[type[Operation]]:
    return [AOp]


def extra_ops(dialect: str) -> list[type[Operation]]:
    return ops() if dialect == "memref" else []
'''
    out = convert_entry_points(text)
    assert out.count("def ops(") == 1
    assert "extra_ops" not in out
    assert "return [AOp]" in out
