"""The application layer every front end calls: open a file of any language, resolve a
pipeline once, lower a module into step records, run a program, check each step by
executing it. The CLI, the TUI and the server's custom requests only call these and
render the results (the core never imports a front end)."""

from ir_studio.application.lowering import (
    Lowering,
    lower_module,
    lowerable,
    only_function,
    pipeline_to_llvm,
)
from ir_studio.application.programs import load_program, open_program
from ir_studio.application.running import RunResult, run_program, step_checks
from ir_studio.application.sources import SourceText, Unreadable, decode, read_source

__all__ = ["Lowering", "RunResult", "SourceText", "Unreadable", "decode", "load_program",
           "lower_module", "lowerable", "only_function", "open_program", "pipeline_to_llvm",
           "read_source", "run_program", "step_checks"]
