"""Generate `ops_table.py` from MLIR 22's transform op records.

Run by a developer, never at install or run time (the generated table is committed):

    python -m ir_studio.dialects.extensions.transform.generate_ops \\
        /usr/lib/llvm-22/include

Every dialect adds transform ops (`transform.loop.unroll`, `transform.structured.
generalize`, `transform.apply_patterns.vector.lower_masks`, ...): well over a hundred
names, most written in one of a few shapes. `llvm-tblgen --dump-json` of each
`*TransformOps.td` gives each op's name and `assemblyFormat`; the ops whose format is one
of the shapes below are listed with it, and `generated.py` gives each a
parser and printer for its shape. Ops with other formats are hand-written
(`ops.py`) or left to the generic form.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

TBLGEN = "/usr/lib/llvm-22/bin/llvm-tblgen"

# format (whitespace-normalised) -> shape name understood by generated.py
SHAPES = {
    "$target attr-dict `:` functional-type(operands, results)": "functional",
    "$target attr-dict `:`functional-type(operands, results)": "functional",
    "$target attr-dict `:` functional-type($target, results)": "functional",
    "$target attr-dict `:` functional-type($target, $transformed)": "functional",
    "$operand_handle attr-dict `:` functional-type(operands, results)": "functional",
    "$handle attr-dict `:` functional-type(operands, results)": "functional",
    "$alloca attr-dict `:` functional-type(operands, results)": "functional",
    "$target attr-dict `:` type($target)": "typed",
    "$operand_handle attr-dict `:` type($operand_handle)": "typed",
    "`to` $target attr-dict `:` type($target)": "to_typed",
    '$target attr-dict `:` custom<SemiFunctionType>(type($target), type($transformed), "false")':
        "functional",  # "false": the short `: T` form is not allowed
    '$target attr-dict `:` custom<SemiFunctionType>(type($target), type($result), "false")':
        "functional",
    "attr-dict": "attributes",
}


def _attributes(record: dict[str, object], records: dict[str, object]) -> tuple[str, ...]:
    """Names of the op's attributes (its inherent ones, properties in MLIR's generic form):
    the arguments whose definition is an attribute constraint, not a value."""
    names = []
    for argument, name in record["arguments"]["args"]:  # pyright: ignore[reportIndexIssue]  # the shape of llvm-tblgen's JSON records
        definition = records.get(argument["def"], {})
        superclasses = definition.get("!superclasses", []) if isinstance(definition, dict) \
            else []
        if "Attr" in superclasses or "AttrConstraint" in superclasses:
            names.append(name)
    return tuple(names)


# Options ops: formats made only of keyword options and `attr-dict`
# (`transform.apply_patterns.vector.lower_contraction lowering_strategy = dot`, ...).
_EQ = re.compile(r"\(`(\w+)` `=` \$(\w+)\^\)\?")
_PAREN = re.compile(r"\(`(\w+)` `\(` \$(\w+)\^ `\)`\)\?")
_UNIT = re.compile(r"\(`(\w+)` \$(\w+)\^\)\?")
_REQUIRED = re.compile(r"`(\w+)` `=` \$(\w+)")
_LITERAL = re.compile(r"`(\w+)`(?= )")
Option = tuple[str, str, str, str, tuple[tuple[str, int], ...], object]
"""(keyword, attribute, syntax "eq"/"paren"/"unit", kind "enum"/"int"/"bool"/"str"/"unit",
enum cases (word, value), default value or None)."""


HAND_WRITTEN = frozenset({"transform.structured.tile_reduction_using_for"})
"""Ops whose syntax `structured.py` writes by hand (left out of the tables)."""

_FUNCTIONAL_TAILS = (
    "attr-dict `:` functional-type($target, results)",
    "attr-dict `:` functional-type($target, $result)",
    "attr-dict `:` functional-type($target, $transformed)",
    "attr-dict `:` functional-type(operands, results)",
    'attr-dict `:` custom<SemiFunctionType>(type($target), type($transformed), "false")',
)


def _functional_groups(fmt: str) -> list[tuple[str, str, str]] | None:
    """Options of `$target <options> attr-dict : (T) -> R...`, else None."""
    if not fmt.startswith("$target "):
        return None
    for tail in _FUNCTIONAL_TAILS:
        if fmt.endswith(tail):
            return _option_groups(fmt[len("$target "): -len(tail)] + "attr-dict",
                                  allow_required=True)
    return None


def _option_groups(fmt: str, allow_required: bool = False) -> list[tuple[str, str, str]] | None:
    """(keyword, attribute, syntax) of each option of an options-only format, else None."""
    if not fmt.endswith("attr-dict"):
        return None
    body = fmt[: -len("attr-dict")].strip()
    if body.startswith("oilist (") and body.endswith(")"):
        groups = []
        for alternative in body[len("oilist ("):-1].split("|"):
            match = _REQUIRED.fullmatch(alternative.strip())
            if match is None:
                return None
            groups.append((match.group(1), match.group(2), "eq"))
        return groups
    groups = []
    patterns = ((_EQ, "eq"), (_PAREN, "paren"), (_UNIT, "unit"))
    if allow_required:
        patterns = (*patterns, (_REQUIRED, "eq"), (_LITERAL, "literal"))
    while body:
        for pattern, syntax in patterns:
            match = pattern.match(body + " ")
            if match is not None:
                name = match.group(2) if syntax != "literal" else ""
                groups.append((match.group(1), name, syntax))
                body = body[match.end():].strip()
                break
        else:
            return None
    return groups or None


def _option(keyword: str, name: str, syntax: str, record: dict[str, Any],
            records: dict[str, Any]) -> Option | None:
    if syntax == "literal":  # a keyword of the format itself (`by`)
        return keyword, "", "literal", "literal", (), None
    argument = next((a for a, n in record["arguments"]["args"] if n == name), None)
    definition = records.get(argument["def"], {}) if argument else {}
    attr: dict[str, Any] = definition
    for _ in range(4):  # ConfinedAttr<DefaultValuedOptionalAttr<DenseI64ArrayAttr>>, ...
        base: dict[str, Any] = attr.get("baseAttr") or {}
        if not base or (not attr.get("!anonymous", True) and attr.get("enumerants")):
            break
        attr = records.get(str(base.get("def", "")), attr)
    superclasses = attr.get("!superclasses", [])
    default_text = definition.get("defaultValue")
    if attr.get("enumerants"):
        cases = tuple((records[c["def"]]["str"], records[c["def"]]["value"])
                      for c in attr["enumerants"])
        symbols = {records[c["def"]]["symbol"]: records[c["def"]]["value"]
                   for c in attr["enumerants"]}
        default = symbols.get(str(default_text).rsplit("::", 1)[-1]) if default_text else None
        return keyword, name, syntax, "enum", cases, default
    if "UnitAttr" in superclasses or attr.get("!name") == "UnitAttr":
        return keyword, name, syntax, "unit", (), None
    if attr.get("!name") == "BoolAttr":
        return keyword, name, syntax, "bool", (), default_text == "true"
    if attr.get("!name") in ("StrAttr",):
        default = default_text.strip('"') if isinstance(default_text, str) else None
        return keyword, name, syntax, "str", (), default
    if attr.get("!name") == "DeviceMappingArrayAttr":
        return keyword, name, syntax, "attr", (), None
    if attr.get("!name") in ("DenseI64ArrayAttr", "I64ArrayAttr"):
        return keyword, name, syntax, "dense" if attr["!name"].startswith("Dense") \
            else "array", (), None
    if attr.get("!name") in ("I64Attr", "I32Attr", "I16Attr", "I8Attr"):
        width = int(attr["!name"][1:-4])
        default = int(default_text) if isinstance(default_text, str) and \
            default_text.lstrip("-").isdigit() else None
        return keyword, name, syntax, f"i{width}", (), default
    return None


def read_shapes(include: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    return _read(include)[0]


def _read(include: Path) -> tuple[dict[str, tuple[str, tuple[str, ...]]],
                                  dict[str, tuple[Option, ...]],
                                  dict[str, tuple[tuple[Option, ...], tuple[str, ...]]]]:
    shapes: dict[str, tuple[str, tuple[str, ...]]] = {}
    options: dict[str, tuple[Option, ...]] = {}
    functional: dict[str, tuple[tuple[Option, ...], tuple[str, ...]]] = {}
    for td in sorted((include / "mlir" / "Dialect").rglob("*.td")):
        if "Transform" not in str(td.relative_to(include)):
            continue
        result = subprocess.run([TBLGEN, "--dump-json", "-I", str(include), str(td)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            continue
        records = json.loads(result.stdout)
        for def_name in records.get("!instanceof", {}).get("Op", []):
            record = records[def_name]
            if record["opDialect"]["def"] != "Transform_Dialect":
                continue
            fmt = " ".join((record.get("assemblyFormat") or "").split())
            name = f"transform.{record['opName']}"
            if fmt in SHAPES:
                shapes[name] = (SHAPES[fmt], _attributes(record, records))
                continue
            groups = _option_groups(fmt)
            if groups is not None and not record["results"]["args"] and not any(
                    not _is_attribute(a, records) for a, _ in record["arguments"]["args"]):
                found = [_option(k, n, syntax, record, records) for k, n, syntax in groups]
                if all(o is not None for o in found):
                    options[name] = tuple(o for o in found if o is not None)
                continue
            groups = _functional_groups(fmt) if name not in HAND_WRITTEN else None
            values = [a for a, _ in record["arguments"]["args"]
                      if not _is_attribute(a, records)]
            if groups is not None and len(values) == 1:
                found = [_option(k, n, syntax, record, records) for k, n, syntax in groups]
                if all(o is not None for o in found):
                    functional[name] = (tuple(o for o in found if o is not None),
                                        _attributes(record, records))
    return shapes, options, functional


def _is_attribute(argument: dict[str, Any], records: dict[str, Any]) -> bool:
    definition = records.get(argument["def"], {})
    superclasses = definition.get("!superclasses", []) if isinstance(definition, dict) else []
    return "Attr" in superclasses or "AttrConstraint" in superclasses


def render(shapes: dict[str, tuple[str, tuple[str, ...]]],
           options: dict[str, tuple[Option, ...]] | None = None,
           functional: dict[str, tuple[tuple[Option, ...], tuple[str, ...]]] | None = None,
           ) -> str:
    lines = ["# ruff: noqa: E501",
             '"""Generated by generate_ops.py from MLIR 22\'s transform op records',
             '(op name -> syntax shape, attribute names; op name -> keyword options):',
             'do not edit by hand."""', "",
             "SHAPES: dict[str, tuple[str, tuple[str, ...]]] = {"]
    lines += [f"    {name!r}: {entry!r}," for name, entry in sorted(shapes.items())]
    lines.append("}")
    lines += ["", "# (keyword, attribute, syntax, kind, enum cases, default)",
              "OPTIONS: dict[str, tuple[tuple[str, str, str, str, tuple[tuple[str, int], ...], "
              "object], ...]] = {"]
    lines += [f"    {name!r}: {entry!r}," for name, entry in sorted((options or {}).items())]
    lines.append("}")
    lines += ["", "# `$target <options> attr-dict : (T) -> R...`: (options, attribute names)",
              "FUNCTIONAL_OPTIONS: dict[str, tuple[tuple[tuple[str, str, str, str, "
              "tuple[tuple[str, int], ...], object], ...], tuple[str, ...]]] = {"]
    lines += [f"    {name!r}: {entry!r},"
              for name, entry in sorted((functional or {}).items())]
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    include = Path(argv[1] if len(argv) > 1 else "/usr/lib/llvm-22/include")
    out = Path(__file__).with_name("ops_table.py")
    out.write_text(render(*_read(include)))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
