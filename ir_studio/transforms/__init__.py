"""ir-studio's own passes and named pipelines, next to xDSL's.

PROJECT_PASSES maps pass name -> factory returning the pass class (lazy, as xDSL's
registry does). NAMED_PIPELINES maps a pipeline name -> (description, pass pipeline).
The Toy and TPU issues add their entries here.
"""

from __future__ import annotations

from collections.abc import Callable

from xdsl.passes import ModulePass

PROJECT_PASSES: dict[str, Callable[[], type[ModulePass]]] = {}

NAMED_PIPELINES: dict[str, tuple[str, str]] = {
    "cleanup": ("canonicalize, then common-subexpression and dead-code elimination",
                "canonicalize,cse,dce"),
    "lower-to-cf": ("affine and scf control flow down to cf branches",
                    "lower-affine,convert-scf-to-cf,canonicalize"),
}
