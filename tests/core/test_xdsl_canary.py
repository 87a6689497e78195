"""The wall between ir-studio and xDSL (ir_studio/dialects/extensions/).

An xDSL upgrade that renames or re-signs a symbol the layer patches or a private API it
calls fails here, naming the symbol; a change to xDSL that is not a row of the patch
table fails here too; and which dialect loads first does not change any verdict.
"""

from __future__ import annotations

import json
import subprocess
import sys

from ir_studio.dialects.extensions.patches import PATCHES
from ir_studio.dialects.extensions.protected import PATCHED, PRIVATE


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True,
                            text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _pristine_descriptions() -> dict[str, str]:
    """Each protected name as xDSL defines it: a process that imports the tables (plain
    data) and xDSL, and never builds ir-studio's context."""
    code = (
        "import json\n"
        "from ir_studio.dialects.extensions.protected import PATCHED, PRIVATE, describe\n"
        "import ir_studio.dialects.extensions.patches as p\n"
        "assert not p._APPLIED\n"
        "print(json.dumps({n: describe(n) for n in [*PATCHED, *PRIVATE]}))\n"
    )
    return json.loads(_run(code))


def test_every_patched_name_is_protected() -> None:
    names = [name for patch in PATCHES for name in patch.names()]
    missing = [name for name in names if name not in PATCHED]
    assert not missing, f"patch rows whose names protected.PATCHED does not record: {missing}"
    stale = sorted(set(PATCHED) - set(names))
    assert not stale, f"protected.PATCHED records names no patch row changes: {stale}"


def test_a_row_that_cannot_be_applied_is_named() -> None:
    """What a user sees if the installed xDSL lacks a symbol a row patches: the row and
    the xDSL version, not a bare AttributeError from deep inside the layer."""
    code = (
        "import xdsl.dialects.memref as m\n"
        "del m.CopyOp\n"
        "from ir_studio.dialects.extensions.patches import XDSLMismatchError, apply_patches\n"
        "try:\n"
        "    apply_patches()\n"
        "except XDSLMismatchError as error:\n"
        "    print(error)\n"
    )
    out = _run(code)
    assert "could not apply ir_studio.dialects.extensions.memref.syntax:install" in out
    assert "xDSL 0.74" in out
    assert "AttributeError" in out


def test_every_extended_dialect_declares_its_modules_and_loads() -> None:
    """Each `extensions/<dialect>/MODULES` entry exists and declares ops or attributes;
    the extended dialect has each op name once, added ops replacing xDSL's."""
    import importlib

    from ir_studio.context import shared_context
    from ir_studio.dialects.extensions import EXTENDED_DIALECTS, new_ops

    context = shared_context()
    for name in EXTENDED_DIALECTS:
        package = importlib.import_module(f"ir_studio.dialects.extensions.{name}")
        for module_name in package.MODULES:
            module = importlib.import_module(f"{package.__name__}.{module_name}")
            assert hasattr(module, "ops") or hasattr(module, "attributes"), module_name
        dialect = context.get_optional_dialect(name)
        assert dialect is not None, name
        names = [op.name for op in dialect.operations]
        assert len(names) == len(set(names)), f"{name}: an op defined twice"
        assert {op.name for op in new_ops(name)} <= set(names), name


def test_patch_rows_are_well_formed() -> None:
    for patch in PATCHES:
        assert patch.symbol.startswith("xdsl."), patch.symbol
        assert patch.change, patch.symbol
        assert patch.why, patch.symbol
        assert patch.mlir.startswith("mlir/"), patch.symbol
        assert "TODO" not in f"{patch.change} {patch.why} {patch.mlir}", (
            f"{patch.symbol}: finish the row (a column is still TODO)")
        module, _, function = patch.apply.partition(":")
        assert module.startswith("ir_studio."), patch.apply
        assert function, patch.apply
    rows = [(patch.symbol, patch.apply) for patch in PATCHES]
    assert len(rows) == len(set(rows)), "a row listed twice in the patch table"
    changed = [name for patch in PATCHES for name in patch.names()]
    twice = sorted({name for name in changed if changed.count(name) > 1})
    assert not twice, f"changed by more than one row (list each change once): {twice}"


def signature_problems(recorded: dict[str, dict[str, str]], now: dict[str, str]) -> list[str]:
    """One line per protected name whose description changed, naming the symbol and the
    patch functions that rely on it."""
    problems = []
    for table, names in recorded.items():
        for name, expected in names.items():
            if now.get(name) != expected:
                rows = [p.apply for p in PATCHES if name in p.names()]
                problems.append(f"{table} {name}: recorded {expected!r}, xDSL now has "
                                f"{now.get(name)!r}" + (f" (applied by {rows})" if rows else ""))
    return problems


def test_xdsl_still_has_every_protected_name_with_its_signature() -> None:
    problems = signature_problems({"PATCHED": PATCHED, "PRIVATE": PRIVATE},
                                  _pristine_descriptions())
    assert not problems, ("xDSL changed a symbol the extension layer relies on; revisit "
                          "these rows of extensions/patches.py:\n" + "\n".join(problems))


def test_a_changed_signature_is_reported_by_name() -> None:
    """The canary's own failure output: the symbol, both signatures, the patch function."""
    from ir_studio.dialects.extensions.protected import describe

    name = "xdsl.dialects.memref.CopyOp.verify_"
    (problem,) = signature_problems({"PATCHED": {name: PATCHED[name]}},
                                    {name: "(self, extra)"})
    assert name in problem
    assert "(self, extra)" in problem
    assert "memref.syntax:install" in problem
    assert describe("xdsl.dialects.memref.CopyOp.no_such_member") == "absent"
    assert describe("xdsl.dialects.memref.NoSuchOp.verify_") == "missing owner"
    assert describe("xdsl.dialects.memref.CopyOp.#operands") == "destination,source"


def _fingerprint(*args: str) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-P", "-m",
                             "ir_studio.dialects.extensions.fingerprint", *args],
                            capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def unlisted_and_stale(pristine: dict[str, str], after: dict[str, str],
                       listed: set[str]) -> tuple[list[str], list[str]]:
    """(changed keys no row lists, listed names that did not change)."""
    changed = {key for key in after if pristine.get(key) != after[key]}
    changed |= {key for key in pristine if key not in after}
    return sorted(changed - listed), sorted(listed - changed)


def test_nothing_outside_the_table_differs_from_pristine_xdsl() -> None:
    patched = _fingerprint("patched")
    modules = patched["modules"]
    assert isinstance(modules, list)
    pristine = _fingerprint("pristine", *modules)["fingerprint"]
    after = patched["fingerprint"]
    assert isinstance(pristine, dict)
    assert isinstance(after, dict)
    listed = {name for patch in PATCHES for name in patch.names()}
    unlisted, no_effect = unlisted_and_stale(pristine, after, listed)
    assert not unlisted, ("xDSL symbols changed by ir-studio but not rows of "
                          f"extensions/patches.py: {unlisted}")
    assert not no_effect, f"patch rows that change nothing (stale?): {no_effect}"


def test_an_unlisted_change_is_caught() -> None:
    pristine = {"xdsl.m.A.parse": "xdsl.m.A.parse", "xdsl.m.A.#operands": "[a]"}
    after = {"xdsl.m.A.parse": "ir_studio.x.parse", "xdsl.m.A.#operands": "[a]",
             "xdsl.m.A.extra": "ir_studio.x.extra"}
    assert unlisted_and_stale(pristine, after, {"xdsl.m.A.parse"}) == (["xdsl.m.A.extra"], [])
    assert unlisted_and_stale(pristine, after, {"xdsl.m.A.parse", "xdsl.m.A.extra",
                                                "xdsl.m.A.#operands"}) == (
        [], ["xdsl.m.A.#operands"])


_MEMREF = """func.func @m(%a: memref<4xf32>, %b: memref<4xf32>) {
  memref.copy %a, %b : memref<4xf32> to memref<4xf32>
  %c = memref.cast %a : memref<4xf32> to memref<?xf32>
  %r = memref.rank %a : memref<4xf32>
  memref.copy %a, %b : memref<4xf32> to memref<8xf32>
  return
}
"""

_VECTOR = """func.func @v(%v: vector<4xf32>, %m: memref<8xf32>, %i: index) {
  %b = vector.bitcast %v : vector<4xf32> to vector<8xf16>
  %l = vector.load %m[%i] : memref<8xf32>, vector<4xf32>
  %s = vector.shape_cast %v : vector<4xf32> to vector<2x2xf32>
  %bad = vector.bitcast %v : vector<4xf32> to vector<3xf16>
  return
}
"""


def _verdicts(order: list[str]) -> list[list[str]]:
    code = (
        "import json, sys\n"
        "from ir_studio.document import build_document\n"
        "texts = json.loads(sys.argv[1])\n"
        "out = []\n"
        "for name, text in texts:\n"
        "    d = build_document(name, 1, text)\n"
        "    out.append([name] + [f'{x.span.start}:{x.message}' for x in d.diagnostics])\n"
        "print(json.dumps(sorted(out)))\n"
    )
    texts = {"memref.mlir": _MEMREF, "vector.mlir": _VECTOR}
    result = subprocess.run(
        [sys.executable, "-P", "-c", code, json.dumps([[n, texts[n]] for n in order])],
        capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_order_dialects_load_in_does_not_matter() -> None:
    first = _verdicts(["memref.mlir", "vector.mlir"])
    second = _verdicts(["vector.mlir", "memref.mlir"])
    assert first == second
    by_file = {entry[0]: entry[1:] for entry in first}
    # each file's last op is wrong: exactly one error each, from MLIR's rules
    assert len(by_file["memref.mlir"]) == 1
    assert len(by_file["vector.mlir"]) == 1
