"""Shared helpers for the Toy tests: compile a sample, run a pipeline, parse IR."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from xdsl.dialects.builtin import ModuleOp
from xdsl.parser import Parser

from ir_studio.context import shared_context
from ir_studio.pipeline import PipelineRun, resolve_pipeline, run_pipeline
from ir_studio.toy.frontend import compile_toy

SAMPLES = Path(str(resources.files("ir_studio.sample_ir").joinpath("toy")))


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.toy"))


def compile_sample(name: str) -> ModuleOp:
    path = SAMPLES / name
    program = compile_toy(path.read_text(), path.name)
    assert program.module is not None, program.diagnostics
    return program.module


def compile_text(text: str, name: str = "t.toy") -> ModuleOp:
    program = compile_toy(text, name)
    assert program.module is not None, program.diagnostics
    return program.module


def lower(module: ModuleOp, pipeline: str) -> PipelineRun:
    run = run_pipeline(module, resolve_pipeline(pipeline))
    assert run.failed is None, run.failed
    return run


def parse(text: str) -> ModuleOp:
    return Parser(shared_context(), text).parse_module()
