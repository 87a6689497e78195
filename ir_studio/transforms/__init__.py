"""ir-studio's own passes and named pipelines, next to xDSL's.

PROJECT_PASSES maps pass name -> factory returning the pass class (lazy, as xDSL's
registry does). NAMED_PIPELINES maps a pipeline name -> (description, pass pipeline).
The Toy and TPU issues add their entries here.
"""

from __future__ import annotations

from collections.abc import Callable

from xdsl.passes import ModulePass


def _lazy(module: str, name: str) -> Callable[[], type[ModulePass]]:
    """A factory that imports the pass class only when the pass is used."""

    def factory() -> type[ModulePass]:
        import importlib

        return getattr(importlib.import_module(module), name)

    return factory


PROJECT_PASSES: dict[str, Callable[[], type[ModulePass]]] = {
    "toy-inline": _lazy("ir_studio.toy.passes.inline", "ToyInline"),
    "toy-shape-inference": _lazy("ir_studio.toy.passes.shape_inference", "ToyShapeInference"),
    "lower-toy-to-affine": _lazy("ir_studio.toy.passes.lower_to_affine", "LowerToyToAffine"),
    "lower-to-llvm": _lazy("ir_studio.toy.passes.lower_to_llvm", "LowerToLLVM"),
    "convert-arith-to-llvm": _lazy("ir_studio.conversion.arith_to_llvm", "ConvertArithToLLVM"),
    "convert-cf-to-llvm": _lazy("ir_studio.conversion.cf_func_to_llvm", "ConvertCfToLLVM"),
    "convert-func-to-llvm": _lazy("ir_studio.conversion.cf_func_to_llvm", "ConvertFuncToLLVM"),
    "tpu-f16": _lazy("ir_studio.tpu.passes", "TpuF16"),
    "tpu-w8a16": _lazy("ir_studio.tpu.passes", "TpuW8A16"),
    "tpu-w4a16": _lazy("ir_studio.tpu.passes", "TpuW4A16"),
    "finalize-memref-to-llvm": _lazy("ir_studio.conversion.memref_to_llvm",
                                     "FinalizeMemRefToLLVM"),
}

TOY_OPT = "toy-inline,canonicalize,toy-shape-inference,canonicalize,cse"
TOY_TO_AFFINE = f"{TOY_OPT},lower-toy-to-affine,canonicalize,cse"
TOY_TO_LLVM = f"{TOY_TO_AFFINE},lower-to-llvm"

NAMED_PIPELINES: dict[str, tuple[str, str]] = {
    "cleanup": ("canonicalize, then common-subexpression and dead-code elimination",
                "canonicalize,cse,dce"),
    "lower-to-cf": ("affine and scf control flow down to cf branches",
                    "lower-affine,convert-scf-to-cf,canonicalize"),
    "toy-opt": ("Toy Ch4: inline every call, infer shapes, canonicalize", TOY_OPT),
    "toy-to-affine": ("Toy Ch5: toy-opt, then toy to affine loops (toy.print stays)",
                      TOY_TO_AFFINE),
    "toy-to-llvm": ("Toy Ch6: toy-to-affine, then everything to the llvm dialect",
                    TOY_TO_LLVM),
}
