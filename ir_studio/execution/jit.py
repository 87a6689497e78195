"""Run LLVM IR with llvmlite's MCJIT and capture what the program prints.

The JIT-compiled code calls the C library's printf, which writes to file descriptor 1
through C's own buffer; Python's sys.stdout knows nothing of it. To hand the output
back as a string (for the CLI, the step checker and tests alike) the run points fd 1
at a temporary file, flushes C's buffers, and restores fd 1. That is process-global,
so runs are serialised by a lock.
"""

from __future__ import annotations

import ctypes
import os
import sys
import tempfile
import threading
from dataclasses import dataclass
from functools import cache

_LOCK = threading.Lock()


class JITError(Exception):
    """The IR did not parse or verify, or has no runnable entry point."""


@dataclass(frozen=True)
class JITResult:
    stdout: str
    return_value: int | None
    compile_seconds: float
    run_seconds: float


@cache
def _initialise() -> None:
    import llvmlite.binding as llvm

    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()


def _target_machine() -> object:
    """A fresh target machine per engine: MCJIT takes ownership of the one it is given."""
    import llvmlite.binding as llvm

    _initialise()
    return llvm.Target.from_default_triple().create_target_machine()


@cache
def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None)


def run_llvm_ir(text: str, entry: str = "main") -> JITResult:
    """Compile `text`, call `entry()` (no arguments; void or integer result), return
    everything it printed."""
    import time

    import llvmlite.binding as llvm

    start = time.perf_counter()
    tm = _target_machine()
    try:
        module = llvm.parse_assembly(text)
        module.verify()
    except RuntimeError as error:
        raise JITError(f"LLVM rejected the IR: {str(error).strip()}") from None
    try:
        func = module.get_function(entry)
    except NameError:
        raise JITError(f"no function '@{entry}' to run") from None
    if func.is_declaration:
        raise JITError(f"'@{entry}' is only declared, not defined")
    return_type = str(func.global_value_type).split(" ", 1)[0]
    if return_type not in ("void", "i32"):
        raise JITError(f"'@{entry}' must return void or i32, not {return_type}")
    returns_int = return_type == "i32"
    engine = llvm.create_mcjit_compiler(module, tm)
    engine.finalize_object()
    engine.run_static_constructors()
    address = engine.get_function_address(entry)
    compiled = time.perf_counter()
    prototype = ctypes.CFUNCTYPE(ctypes.c_int32 if returns_int else None)
    with _LOCK:
        sys.stdout.flush()
        libc = _libc()
        libc.fflush(None)
        saved = os.dup(1)
        with tempfile.TemporaryFile() as sink:
            os.dup2(sink.fileno(), 1)
            try:
                result = prototype(address)()
            finally:
                libc.fflush(None)
                os.dup2(saved, 1)
                os.close(saved)
            sink.seek(0)
            output = sink.read().decode("utf-8", errors="replace")
    done = time.perf_counter()
    return JITResult(output, result if returns_int else None, compiled - start, done - compiled)
