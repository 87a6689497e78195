"""Generate `named_table.py` from MLIR 22's own definition of the named linalg ops.

Run by a developer, never at install or run time (the generated table is committed):

    python -m ir_studio.dialects.extensions.linalg.generate_named \\
        /usr/lib/llvm-22/include/mlir/Dialect/Linalg/IR

MLIR defines the named structured ops (convolutions, poolings, depthwise convolutions,
quantized and packed contractions, ...) in a YAML file that its build turns into
`LinalgNamedStructuredOps.yamlgen.td` (operands and attributes) and
`LinalgNamedStructuredOps.yamlgen.cpp.inc` (iterator types, indexing maps with the
strides and dilations bound in, and the body as calls of a small builder helper);
Debian's libmlir-22-dev ships both. Writing eighty ops by hand from the documentation
is how the earlier definitions drifted (required `strides`, missing variants), so the
table is read from these files. Ops whose maps depend on the operands' rank (the
elementwise ones, defined in `elementwise.py`), `copy` (a `cast` attribute picks
its body) and `fill_rng_2d` (constants and `linalg.index` in the body) are left out.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_CPP = "LinalgNamedStructuredOps.yamlgen.cpp.inc"
_TD = "LinalgNamedStructuredOps.yamlgen.td"
_SKIPPED = {"CopyOp", "FillOp", "FillRng2DOp"}

_DEF = re.compile(r'^def (\w+) : LinalgStructuredBase_Op<"(\w+)"', re.MULTILINE)
_WINDOW = re.compile(r'RankedI64ElementsAttr<\[(\d+)\]>, "[^"]*">:\$strides')
_ITERATORS = re.compile(r"SmallVector<utils::IteratorType> (\w+)::getIteratorTypesArray\(\) "
                        r"\{\s*return SmallVector<utils::IteratorType>\{([^}]*)\}")
_BINDINGS = re.compile(r"static SmallVector<AffineExpr> getSymbolBindings\((\w+) self\) \{(.*?)"
                       r"return exprs;", re.DOTALL)
_BINDING = re.compile(r"getAffineSymbolExpr\((\d+)|get(Strides|Dilations)\(\)"
                      r"\.getValues<int64_t>\(\)\[(\d+)\]")
_MAPS = re.compile(r"ArrayAttr (\w+)::getIndexingMaps\(\) \{(.*?)\n\}", re.DOTALL)
_MAP = re.compile(r'parseAttribute\("affine_map<\((.*?)\)\[.*?\] -> \((.*?)\)>"')
_BODY = re.compile(r"void (\w+)::regionBuilder\(.*?\{(.*?)\n\}", re.DOTALL)
_ARGS = re.compile(r"block\.getNumArguments\(\) == (\d+)")
_STEP = re.compile(
    r"Value value(\d+) = helper\.build(Type|Unary|Binary|Ternary)Fn\(\w+::(\w+), (.*?), "
    r"emitError\)")
_YIELD = re.compile(r"yields\.push_back\((\w+)\)")


def _value(text: str) -> str:
    """`block.getArgument(2)` -> "a2", `value3` -> "v3", `helper.getFloat64Type()` -> "f64"."""
    text = text.strip()
    if match := re.fullmatch(r"block\.getArgument\((\d+)\)(\.getType\(\))?", text):
        return f"a{match.group(1)}"
    if match := re.fullmatch(r"value(\d+)", text):
        return f"v{match.group(1)}"
    if text == "helper.getFloat64Type()":
        return "f64"
    if match := re.fullmatch(r"helper\.getIntegerType\((\d+)\)", text):
        return f"i{match.group(1)}"
    raise ValueError(f"unexpected operand {text!r}")


def _result(text: str, bindings: list[tuple[str, int] | None]) -> str:
    """`d1 * s2 + d3 * s4` -> `d1 * strides[0] + d3 * dilations[0]` (the symbols bound to
    attribute values named), checking the result is a sum of such terms."""
    terms: list[str] = []
    for part in text.split(" + "):
        if re.fullmatch(r"d\d+", part.strip()):
            terms.append(part.strip())
            continue
        match = re.fullmatch(r"(d\d+) \* s(\d+)", part.strip())
        binding = bindings[int(match.group(2))] if match else None
        if match is None or binding is None:
            raise ValueError(f"unexpected map term {part!r}")
        terms.append(f"{match.group(1)} * {binding[0]}[{binding[1]}]")
    return " + ".join(terms)


def read_specs(include: Path) -> dict[str, dict[str, object]]:
    td = (include / _TD).read_text()
    cpp = (include / _CPP).read_text()
    names = {cls: name for cls, name in _DEF.findall(td)}
    windows: dict[str, int] = {}
    for match in _DEF.finditer(td):
        end = td.find("\ndef ", match.end())
        window = _WINDOW.search(td, match.end(), end if end > 0 else len(td))
        if window:
            windows[match.group(1)] = int(window.group(1))
    iterators = {cls: "".join("p" if "parallel" in kind else "r" for kind in body.split(","))
                 for cls, body in _ITERATORS.findall(cpp)}
    bindings: dict[str, list[tuple[str, int] | None]] = {}
    for cls, body in _BINDINGS.findall(cpp):
        bindings[cls] = [None if symbol else (kind.lower(), int(index))
                         for symbol, kind, index in _BINDING.findall(body)]
    specs: dict[str, dict[str, object]] = {}
    maps_of = dict(_MAPS.findall(cpp))
    for cls, body in _BODY.findall(cpp):
        if cls in _SKIPPED or cls not in bindings:
            continue
        steps = []
        for number, kind, fn, operands in _STEP.findall(body):
            args = [part for part in re.split(r",\s*(?![^()]*\))", operands)]
            steps.append((f"v{number}", kind.lower(), fn, *(_value(a) for a in args)))
        maps = []
        for dims, results in _MAP.findall(maps_of[cls]):
            maps.append(", ".join(_result(r, bindings[cls]) for r in results.split(", ") if r))
            assert dims.count("d") == len(iterators[cls]), cls
        specs[names[cls]] = {
            "loops": iterators[cls],
            "maps": tuple(maps),
            "window": windows.get(cls, 0),
            "args": int(_ARGS.search(body).group(1)),  # pyright: ignore[reportOptionalMemberAccess]  # the shape of llvm-tblgen's JSON records
            "body": tuple(steps),
            "yields": tuple(_value(v) for v in _YIELD.findall(body)),
        }
    return specs


def render(specs: dict[str, dict[str, object]]) -> str:
    lines = [
        "# ruff: noqa: E501",
        '"""Generated by generate_named.py from MLIR 22\'s',
        "LinalgNamedStructuredOps.yamlgen.{td,cpp.inc}: do not edit by hand.",
        "",
        "Per op: `loops` (p = parallel, r = reduction), `maps` (the results of each operand's",
        "map; `strides[i]` and `dilations[i]` stand for the attributes' values),",
        "`window` (length of `strides`/`dilations`, 0 when the op has none), `args` (body",
        "arguments), `body` (steps: value, kind, function, operands; an operand is a block",
        'argument "aN", an earlier value "vN" or a type) and `yields`."""',
        "",
        "SPECS: dict[str, dict[str, object]] = {",
    ]
    for name in sorted(specs):
        spec = specs[name]
        lines.append(f"    {name!r}: {{")
        for key in ("loops", "window", "args", "yields"):
            lines.append(f"        {key!r}: {spec[key]!r},")
        lines.append("        'maps': (")
        lines += [f"            {m!r}," for m in spec["maps"]]  # pyright: ignore[reportGeneralTypeIssues]  # the shape of llvm-tblgen's JSON records
        lines.append("        ),")
        lines.append("        'body': (")
        lines += [f"            {s!r}," for s in spec["body"]]  # pyright: ignore[reportGeneralTypeIssues]  # the shape of llvm-tblgen's JSON records
        lines.append("        ),")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    include = Path(argv[1] if len(argv) > 1 else "/usr/lib/llvm-22/include/mlir/Dialect/Linalg/IR")
    out = Path(__file__).with_name("named_table.py")
    out.write_text(render(read_specs(include)))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
