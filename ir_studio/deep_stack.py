"""Running builds on one long-lived thread with a large stack, without the cyclic GC.

xDSL recurses once per nesting level, and files nested thousands deep must get an
answer, not a crash; creating such a thread per call costs ~6 ms, so there is one.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
_STACK_BYTES = 512 * 1024 * 1024
_RECURSION_LIMIT = 200_000

_deep_lock = threading.Lock()
_deep_worker: ThreadPoolExecutor | None = None
_on_deep_stack = threading.local()


def _deep_executor() -> ThreadPoolExecutor:
    global _deep_worker
    with _deep_lock:
        if _deep_worker is None:
            old_size = threading.stack_size()
            try:
                threading.stack_size(_STACK_BYTES)
                worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ir-studio-parse",
                                            initializer=_mark_deep)
                worker.submit(lambda: None).result()  # create the thread now, with that stack
            finally:
                threading.stack_size(old_size)
            sys.setrecursionlimit(max(sys.getrecursionlimit(), _RECURSION_LIMIT))
            _deep_worker = worker
        return _deep_worker


def _mark_deep() -> None:
    _on_deep_stack.active = True


def run_with_deep_stack(function: Callable[[], T]) -> T:
    """Run on the large-stack thread. Calls from that thread run inline; others queue
    for it (one parse at a time)."""
    if getattr(_on_deep_stack, "active", False):
        return function()
    return _deep_executor().submit(function).result()


def without_gc(function: Callable[[], T]) -> T:
    """Parsing allocates hundreds of thousands of small objects; the cyclic collector
    would rescan the growing heap again and again (about a third of the time on a
    20,000-op function). Nothing built here is garbage until the build ends."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return function()
    finally:
        if was_enabled:
            gc.enable()
