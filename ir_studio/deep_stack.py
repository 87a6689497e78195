"""Running builds on one long-lived thread with a large stack, without the cyclic GC.

xDSL recurses once per nesting level, and files nested thousands deep must get an
answer, not a crash; creating such a thread per call costs ~6 ms, so there is one.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

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


UNSCANNED_LIMIT = 1_000_000
"""Objects (about two 20,000-op builds) that may skip the young collections; then builds
end the ordinary way until the collector has made a full collection (which frees the
garbage among the skipped objects too)."""
_unscanned = 0
_waiting_for: int | None = None
"""While builds end the ordinary way: the full-collection count to get past."""


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
            _settle(gc)
            gc.enable()


def _settle(gc: Any) -> None:
    """What a build made is long-lived (a snapshot, the item cache): put it with the
    oldest objects at once (two O(1) list moves) instead of letting the next young
    collection scan all of it (60-90 ms after a 20,000-op build), as long as the
    objects skipped so far stay under UNSCANNED_LIMIT."""
    global _unscanned, _waiting_for
    if _waiting_for is not None:
        if gc.get_stats()[2]["collections"] <= _waiting_for:
            return
        _waiting_for, _unscanned = None, 0
    young = gc.get_count()[0]
    if _unscanned + young > UNSCANNED_LIMIT:
        _waiting_for = gc.get_stats()[2]["collections"]
        return
    _unscanned += young
    gc.freeze()
    gc.unfreeze()


def collection_due() -> bool:
    """Whether builds have skipped enough young scans (or already end the ordinary way)
    that a full collection at an idle moment would spare the next build from paying
    for one."""
    return _waiting_for is not None or _unscanned > UNSCANNED_LIMIT // 2


def collect_garbage() -> None:
    """A full collection, for a moment when nobody waits (an editor idle after a
    publish): frees old snapshots' garbage and lets builds skip young scans again."""
    import gc

    global _unscanned, _waiting_for
    gc.collect()
    _unscanned, _waiting_for = 0, None
