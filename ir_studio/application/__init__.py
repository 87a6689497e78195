"""The application layer every front end calls: open a file of any language, resolve a
pipeline once, lower a module into step records, run a program, check each step by
executing it. The CLI, the TUI and the server's custom requests only call these and
render the results (the core never imports a front end).

Names are loaded on first use: `ir-studio check` needs only `sources` and `programs`,
not the pass registry behind `lowering`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE = {
    "Lowering": "lowering", "lower_module": "lowering", "lowerable": "lowering",
    "only_function": "lowering", "pipeline_to_llvm": "lowering",
    "load_program": "programs", "open_program": "programs",
    "RunResult": "running", "run_program": "running", "step_checks": "running",
    "SourceText": "sources", "Unreadable": "sources", "decode": "sources",
    "read_source": "sources",
}
__all__ = ["Lowering", "RunResult", "SourceText", "Unreadable", "decode", "load_program",
           "lower_module", "lowerable", "only_function", "open_program", "pipeline_to_llvm",
           "read_source", "run_program", "step_checks"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'ir_studio.application' has no attribute '{name}'")
    return getattr(importlib.import_module(f"ir_studio.application.{module}"), name)
