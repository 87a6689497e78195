"""Bring a module written for the old layer (`dialects/upstream_syntax/`, whose
`install()` ran when its dialect loaded) into this one. A developer's tool:

    python -m ir_studio.dialects.extensions.adopt FILE DIALECT [--name NEW] [--write]

1. `git mv FILE extensions/DIALECT/NEW.py` (NEW: FILE's name without `DIALECT_`);
2. imports of `ir_studio.dialects.upstream_syntax...` rewritten to this layer's modules,
   in the moved file and in every tracked Python file;
3. `extra_ops(dialect)` / `extra_attributes(dialect)` become `ops()` / `attributes()`,
   an empty `install()` ("Nothing to patch") goes, markers set on xDSL classes to make
   installs idempotent go, and the module joins `extensions/DIALECT/MODULES`;
4. an `install()` that changes xDSL is run in a fresh process after the current table:
   each xDSL member it changes is printed as a draft row of `patches.PATCHES` with its
   `protected.PATCHED` entry (`--write` appends both; finish the "why" column by hand).

Nothing imports this module at run time.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

_OLD = "ir_studio.dialects.upstream_syntax"
_NEW = "ir_studio.dialects.extensions"
_HERE = Path(__file__).resolve().parent
_ROOT = _HERE.parents[2]

# old module -> module of this layer (the moves of the rebuild)
MODULES: dict[str, str] = {
    "formats": "formats", "semi_affine": "builtin.semi_affine",
    "locations": "builtin.locations", "affine_ops": "affine.ops", "loops": "scf.loops",
    "reductions": "scf.reductions", "forall": "scf.forall",
    "optional_keywords": "scf.optional_keywords", "arith_casts": "arith.casts",
    "extra_ops": "arith.extra_ops", "memref": "memref.syntax",
    "memref_global": "memref.global_op", "memref_ops": "memref.ops",
    "memref_transpose": "memref.transpose", "more_ops": "memref.more_ops",
    "gpu": "gpu.syntax", "gpu_ops": "gpu.ops", "gpu_cluster_ops": "gpu.cluster_ops",
    "gpu_async": "gpu.async_ops", "gpu_launch_func": "gpu.launch_func",
    "vector_contract": "vector.contract", "vector_ops": "vector.ops",
    "vector_memory_ops": "vector.memory_ops", "vector_shape_ops": "vector.shape_ops",
    "tensor_ops": "tensor.ops", "branch_weights": "cf.branch_weights",
    "llvm": "llvm.syntax", "llvm_types_constrained": "llvm.types_constrained",
    "llvm_sync_ops": "llvm.sync_ops", "llvm_memory": "llvm.memory", "llvm_ops": "llvm.ops",
    "llvm_patches": "llvm.syntax_flags", "linalg_named": "linalg.named",
    "linalg_named_table": "linalg.named_table",
    "generate_linalg_named": "linalg.generate_named", "linalg_generated": "linalg.generated",
    "linalg_generic": "linalg.generic", "linalg_map": "linalg.map",
    "linalg_elementwise": "linalg.elementwise", "linalg_softmax": "linalg.softmax",
    "linalg_contract": "linalg.contract", "linalg_pack": "linalg.pack",
    "bufferization": "bufferization.ops", "math_ops": "math.ops",
    "dlti_entries": "dlti.entries", "transform_ops": "transform.ops",
    "transform_generated": "transform.generated",
    "transform_structured": "transform.structured",
    "transform_handles": "transform.handles", "transform_ops_table": "transform.ops_table",
    "generate_transform_ops": "transform.generate_ops",
}

# (old module, name) -> module now defining it, where a split moved it elsewhere
SYMBOLS: dict[tuple[str, str], str] = {
    **{("extra_ops", n): "vector.shape_cast" for n in ("ShapeCastOp",)},
    **{("extra_ops", n): "tensor.generate" for n in ("GenerateOp",)},
    **{("extra_ops", n): "func.ops" for n in ("ConstantOp", "CallIndirectOp")},
    **{("more_ops", n): "vector.scalable_scan" for n in (
        "ScalableExtractOp", "ScalableInsertOp", "ScanOp", "parse_combining_kind")},
    ("more_ops", "PowIOp"): "complex.ops",
    **{("forall", n): "tensor.forall_ops" for n in (
        "ParallelInsertSliceOp", "RankOp", "BitcastOp")},
    **{("math_ops", n): "formats" for n in ("parse_fastmath", "print_fastmath")},
    ("optional_keywords", "ROUNDING_MODES"): "arith.optional_keywords",
    ("loops", "ATOMIC_RMW_KINDS"): "affine.loops",
}
RENAMED: dict[str, str] = {"_ensure_terminator": "ensure_terminator",
                           "_is_terminator": "is_terminator",
                           "_induction_variables": "induction_variables",
                           "_without": "without"}


def rewrite_imports(text: str, extra: dict[str, str]) -> str:
    """`from ir_studio.dialects.upstream_syntax.X import a, b` (and `from ... import X`)
    to this layer's modules; `extra` maps old module names adopted in this run."""
    modules = {**MODULES, **extra}
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.module is None:
            continue
        if not node.module.startswith(_OLD):
            continue
        indent = lines[node.lineno - 1][:node.col_offset]
        old = node.module[len(_OLD) + 1:]
        if old and old not in modules:
            continue  # a module not adopted yet: its own run rewrites this import
        groups: dict[str, list[str]] = {}
        for alias in node.names:
            if not old:  # from ir_studio.dialects.upstream_syntax import X
                if alias.name not in modules:
                    continue
                target, _, leaf = modules.get(alias.name, alias.name).rpartition(".")
                package = f"{_NEW}.{target}" if target else _NEW
                groups.setdefault(package, []).append(
                    f"{leaf} as {alias.asname or alias.name}"
                    if leaf != (alias.asname or alias.name) else leaf)
                continue
            module = SYMBOLS.get((old, alias.name), modules.get(old, old))
            name = RENAMED.get(alias.name, alias.name)
            shown = alias.asname or (alias.name if name != alias.name else None)
            groups.setdefault(f"{_NEW}.{module}", []).append(
                f"{name} as {shown}" if shown and shown != name else name)
        if not groups:
            continue
        new = "".join(f"{indent}from {module} import {', '.join(names)}\n"
                      for module, names in groups.items())
        edits.append((node.lineno - 1, node.end_lineno or node.lineno, new))
    for start, end, new in sorted(edits, reverse=True):
        lines[start:end] = [new]
    return "".join(lines)


def convert_entry_points(text: str) -> str:
    """extra_ops/extra_attributes(dialect) -> ops()/attributes(); empty install() and
    idempotency markers on xDSL classes removed."""
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, int, str | None]] = []
    defined = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        source = ast.get_source_segment(text, node) or ""
        if node.name == "install" and "Nothing to patch" in source:
            edits.append((node.lineno - 1, node.end_lineno or node.lineno, None))
        if node.name in ("extra_ops", "extra_attributes"):
            new_name, kind = (("ops", "Operation") if node.name == "extra_ops"
                              else ("attributes", "Attribute"))
            if new_name in defined:  # the module already has the new entry point
                edits.append((node.lineno - 1, node.end_lineno or node.lineno, None))
                continue
            body = node.body
            returned: str | None = None
            if len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(
                    body[0].value, ast.IfExp):
                returned = ast.get_source_segment(text, body[0].value.body)
            if returned is not None:
                new = f"def {new_name}() -> list[type[{kind}]]:\n    return {returned}\n"
                edits.append((node.lineno - 1, node.end_lineno or node.lineno, new))
            else:
                print(f"convert {node.name} by hand (its body is not `X if dialect == ...`)")
    for start, end, new in sorted(edits, reverse=True):
        if new is None:
            while end < len(lines) and not lines[end].strip():
                end += 1
            lines[start:end] = []
        else:
            lines[start:end] = [new]
    text = "".join(lines)
    text = re.sub(r"\n[ \t]*if getattr\([\w.]+, \"_ir_studio_\w+\", (False|None)\)"
                  r"( is \w+)?:\n[ \t]*(return|continue)\n", "\n", text)
    return re.sub(r"\n[ \t]*[\w.]+\._ir_studio_\w+ = [^\n]*", "", text)


def _git(*args: str) -> None:
    subprocess.run(["git", *args], cwd=_ROOT, check=True)


def _add_to_modules(dialect: str, name: str) -> None:
    init = _HERE / dialect / "__init__.py"
    text = init.read_text()
    match = re.search(r"MODULES: tuple\[str, \.\.\.\] = \((.*?)\)\n", text, re.S)
    if match is None:
        raise SystemExit(f"{init}: no MODULES tuple")
    names = re.findall(r'"(\w+)"', match.group(1))
    if name not in names:
        names.append(name)
    listed = ", ".join(f'"{n}"' for n in names) + ("," if len(names) == 1 else "")
    line = f"MODULES: tuple[str, ...] = ({listed})"
    if len(line) > 100:
        wrapped = textwrap.wrap(listed, 92, break_on_hyphens=False)
        line = "MODULES: tuple[str, ...] = (\n" + "".join(
            f"    {part}\n" for part in wrapped) + ")"
        line = line.replace('"\n)', '",\n)')
    init.write_text(text[:match.start()] + line + "\n" + text[match.end():])


_DRAFT = r'''
import importlib, json, sys
from ir_studio.dialects.extensions.fingerprint import fingerprint
from ir_studio.dialects.extensions.patches import apply_patches
apply_patches()
module = importlib.import_module(sys.argv[1])
names = lambda: [m for m in sys.modules if m.startswith("xdsl.")]
before = fingerprint(names())
module.install()
after = fingerprint(names())
print(json.dumps(sorted(k for k in after if k in before and before[k] != after[k])))
'''

_DESCRIBE = r'''
import json, sys
from ir_studio.dialects.extensions.protected import describe
print(json.dumps({n: describe(n) for n in json.loads(sys.argv[1])}))
'''


def _python(code: str, *args: str) -> str:
    result = subprocess.run([sys.executable, "-P", "-c", code, *args], cwd=_ROOT,
                            capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(result.stderr)
    return result.stdout


def draft_rows(module: str, why: str) -> tuple[list[str], list[str]]:
    """(rows for patches.PATCHES, entries for protected.PATCHED) of `module.install()`."""
    changed: list[str] = json.loads(_python(_DRAFT, module))
    owners: dict[str, list[str]] = {}
    for key in changed:
        owner, _, member = key.rpartition(".")
        owners.setdefault(owner, []).append(member)
    rows, entries = [], []
    for owner, members in owners.items():
        symbol = f"{owner}.{members[0]}" if len(members) == 1 else \
            f"{owner}.{{{','.join(members)}}}"
        rows.append(f"    Patch({symbol!r},\n          'TODO: what changes',\n"
                    f"          {why!r},\n          'mlir/TODO: the ODS record or C++ "
                    f"function',\n          _E + {module[len(_NEW) + 1:] + ':install'!r}),")
    from ir_studio.dialects.extensions.protected import PATCHED

    new_names = [name for name in changed if name not in PATCHED]
    described = json.loads(_python(_DESCRIBE, json.dumps(new_names)))
    entries = [f"    {name!r}: {described[name]!r}," for name in new_names]
    return rows, entries


def _insert_before_closing(path: Path, marker: str, new_lines: list[str]) -> None:
    """Add `new_lines` as the last entries of the literal that starts at `marker`."""
    text = path.read_text()
    start = text.index(marker)
    end = text.index("\n)\n" if marker.startswith("PATCHES") else "\n}\n", start)
    path.write_text(text[:end] + "\n" + "\n".join(new_lines) + text[end:])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Bring a module of the old upstream_syntax layer into extensions/.")
    parser.add_argument("file", type=Path)
    parser.add_argument("dialect")
    parser.add_argument("--name", help="the module's name in extensions/DIALECT/")
    parser.add_argument("--write", action="store_true",
                        help="append the draft rows to patches.py and protected.py")
    options = parser.parse_args(argv)
    old_name = options.file.stem
    name = options.name or old_name.removeprefix(f"{options.dialect}_")
    target = _HERE / options.dialect / f"{name}.py"
    if options.file.resolve() != target:
        _git("mv", str(options.file), str(target))
    extra = {old_name: f"{options.dialect}.{name}"}
    for tracked in subprocess.run(["git", "ls-files", "*.py"], cwd=_ROOT, check=True,
                                  capture_output=True, text=True).stdout.split():
        path = _ROOT / tracked
        text = path.read_text()
        if _OLD in text:
            path.write_text(rewrite_imports(text, extra))
    text = convert_entry_points(target.read_text())
    target.write_text(text)
    tree = ast.parse(text)
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    if defined & {"ops", "attributes"}:
        _add_to_modules(options.dialect, name)
    print(f"moved to {target.relative_to(_ROOT)}; then: ruff check --fix . (import order), "
          "and re-install ir-studio (a new module in a strict editable install)")
    if "install" not in defined:
        return 0
    install = next(n for n in tree.body if isinstance(n, ast.FunctionDef)
                   and n.name == "install")
    why = " ".join((ast.get_docstring(install) or "TODO: why").split())
    why = re.sub(r"^Idempotent[.:]?\s*", "", why) or "TODO: why"
    module = f"{_NEW}.{options.dialect}.{name}"
    rows, entries = draft_rows(module, why)
    print("rows for patches.PATCHES:\n" + "\n".join(rows))
    print("entries for protected.PATCHED:\n" + "\n".join(entries))
    if options.write:
        _insert_before_closing(_HERE / "patches.py", "PATCHES: tuple", rows)
        _insert_before_closing(_HERE / "protected.py", "PATCHED: dict", entries)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
