"""What every xDSL class and module function looks like, as plain strings, so that two
processes (a pristine import of xDSL, and one where ir-studio built its context) can be
compared: any difference is a change ir-studio made to xDSL.

    python -m ir_studio.dialects.extensions.fingerprint pristine MODULE...
        import MODULEs only (no ir-studio context), print JSON
    python -m ir_studio.dialects.extensions.fingerprint patched
        build ir-studio's context (the patch table applied), print JSON

A developer's and the canary test's tool: nothing imports it at run time.

Keys are `module.Class.member` (or `module.function`); an op class's IRDL definition
appears as pseudo-members `#operands`, `#results`, `#properties`, `#traits`, `#options`
and so on (a type's or attribute's as `#parameters`), because patches change those in
place, not by assignment.
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
import sys
from typing import Any

_ADDRESS = re.compile(r" at 0x[0-9a-f]+|0x[0-9a-f]{6,}")
_IRDL_FIELDS = ("operands", "results", "properties", "attributes", "regions", "successors",
                "options", "traits", "assembly_format", "custom_directives")


def _describe(value: Any) -> str:
    if isinstance(value, classmethod | staticmethod):
        return f"{type(value).__name__}({_describe(value.__func__)})"
    if isinstance(value, property):
        return f"property({_describe(value.fget)},{_describe(value.fset)})"
    if inspect.isfunction(value) or inspect.isbuiltin(value):
        return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', '?')}"
    if inspect.isclass(value):
        return f"class {value.__module__}.{value.__qualname__}"
    if isinstance(value, frozenset | set):
        return "{" + ",".join(sorted(_describe(v) for v in value)) + "}"
    if isinstance(value, str | int | float | bool | type(None) | tuple):
        return _ADDRESS.sub("", repr(value))[:500]
    return f"<{type(value).__module__}.{type(value).__qualname__}>"


def _irdl(cls: type) -> dict[str, str]:
    try:
        definition = cls.get_irdl_definition()
    except Exception:  # a base class without a definition
        return {}
    out: dict[str, str] = {}
    for name in _IRDL_FIELDS:
        value = getattr(definition, name, None)
        if name == "traits" and value is not None:
            value = sorted(repr(t) for t in value)
        out[f"#{name}"] = _ADDRESS.sub("", repr(value))
    return out


def _attribute_parameters(cls: type) -> str:
    """A type or attribute's parameter definitions (changed in place, not by assignment)."""
    try:
        definition = cls.get_irdl_definition()
    except Exception:  # an abstract base without a definition
        return ""
    return _ADDRESS.sub("", repr(getattr(definition, "parameters", None)))


def fingerprint(modules: list[str]) -> dict[str, str]:
    from xdsl.ir import ParametrizedAttribute
    from xdsl.irdl import IRDLOperation

    result: dict[str, str] = {}
    for module_name in sorted(modules):
        module = sys.modules.get(module_name)
        if module is None:
            continue
        for name, value in sorted(vars(module).items()):
            if inspect.isclass(value) and value.__module__ == module_name:
                key = f"{module_name}.{name}"
                for member, attr in vars(value).items():
                    if member in ("__dict__", "__weakref__", "__doc__"):
                        continue
                    result[f"{key}.{member}"] = _describe(attr)
                if issubclass(value, IRDLOperation) and "name" in vars(value):
                    result.update({f"{key}.{k}": v for k, v in _irdl(value).items()})
                elif issubclass(value, ParametrizedAttribute) and "name" in vars(value):
                    result[f"{key}.#parameters"] = _attribute_parameters(value)
            elif inspect.isfunction(value) and not name.startswith("__"):
                result[f"{module_name}.{name}"] = _describe(value)
    return result


def main() -> None:
    mode = sys.argv[1]
    if mode == "patched":
        from ir_studio.context import shared_context

        shared_context()
        modules = [m for m in sys.modules if m.startswith("xdsl.")]
        print(json.dumps({"modules": modules, "fingerprint": fingerprint(modules)}))
        return
    modules = sys.argv[2:]
    for name in modules:
        importlib.import_module(name)
    print(json.dumps({"modules": modules, "fingerprint": fingerprint(modules)}))


if __name__ == "__main__":
    main()
