"""Open documents: the latest text, the latest built snapshot, and background builds.

Edits only record the text and schedule a build (optionally after a debounce; edits
that arrive during a build are coalesced into the next one anyway); building a snapshot
(parse, verify, index) runs on one worker thread so the event loop keeps answering.
A build for an outdated version is not published; when it finishes the newest text
is built next. Requests that need the snapshot of the current text wait for it
briefly (`fresh`), else they get the newest one there is, marked stale.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from xdsl.context import Context

from ir_studio.deep_stack import collect_garbage, collection_due
from ir_studio.diagnostics import Diagnostic
from ir_studio.document import IRDocument, ItemCache, Progress, build_document
from ir_studio.index import DocumentIndex
from ir_studio.languages import language_for
from ir_studio.parallel_build import check_slice, merge, plan_cut
from ir_studio.slice_worker import WARM_UP, SliceWorker
from ir_studio.source import LineIndex

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """A built document with its index; `fresh` when it matches the editor's text."""

    document: IRDocument
    index: DocumentIndex
    fresh: bool


@dataclass
class _Entry:
    uri: str
    version: int
    text: str
    cache: ItemCache = field(default_factory=ItemCache)
    built: Snapshot | None = None
    good: Snapshot | None = None
    """The newest snapshot without parse errors (completion on half-typed text)."""
    timer: asyncio.TimerHandle | None = None
    building: bool = False
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    complete: tuple[int, tuple[Diagnostic, ...]] | None = None
    """The version whose complete diagnostics are out before its snapshot (a build split
    across two processes), and those diagnostics."""


def _build(uri: str, version: int, text: str, cache: ItemCache, ctx: Context | None,
           progress: Progress | None = None) -> Snapshot:
    """The file's language (from the registry) builds the document and its index; an
    MLIR file reuses items from `cache` or patches them from their previous version, and
    a long build reports the diagnostics of the items done so far through `progress`."""
    analysis = language_for(uri).analyse(uri, version, text, cache=cache, ctx=ctx,
                                         progress=progress)
    return Snapshot(analysis.document, analysis.index, True)  # pyright: ignore[reportArgumentType]  # Snapshot.index is the file language's own index


def _build_split(uri: str, version: int, text: str, cache: ItemCache, worker: SliceWorker,
                 cut: int, progress: Progress,
                 complete: Callable[[tuple[Diagnostic, ...], LineIndex], None]) -> Snapshot:
    """Check the items before `cut` here while the worker checks the rest, hand the
    merged diagnostics to `complete`, then build the snapshot (this process's items are
    cached by then, so it parses only the worker's half again, for navigation and
    later edits). A worker that fails or is late only costs the wait: the snapshot's
    build then publishes as usual."""
    job = worker.submit(uri, text, cut)
    if job is not None:
        start, cpu = time.perf_counter(), time.process_time()
        first = check_slice(uri, text, cut, True, cache=cache, progress=progress)
        mine, cpu = time.perf_counter() - start, time.process_time() - cpu
        lines = LineIndex(text)  # for the publish, while the worker may still be busy
        second = worker.result(job, timeout=max(2.0, 2 * mine))
        if second is not None:
            complete(merge(first, second), lines)
            log.info("%s: %d top-level ops checked here in %.3f s (%.3f s of CPU), %d by "
                     "the build worker; merged and published after %.3f s", uri, first.items,
                     mine, cpu, second.items, time.perf_counter() - start)
    return _build(uri, version, text, cache, None, progress)


PROGRESS_MESSAGE = "checking: {done} of {total} top-level operations so far"
"""The first diagnostic of a partial publish (information severity): an editor shows
that the list below is not complete yet; the complete publish never has it."""


def _warm_up() -> None:
    """Before the first document arrives: import the parser, load the dialects nearly
    every file uses, start the deep-stack parse thread and build an index once, so the
    first open pays only for its own text (about a second less on this machine)."""
    try:
        document = build_document("file:///warm-up.mlir", 0, WARM_UP, cache=ItemCache())
        DocumentIndex(document).warm()
    except Exception:  # a warm-up must never take the server down
        log.exception("warm-up build failed")


class DocumentStore:
    def __init__(self, publish: Callable[[IRDocument], None], debounce: float = 0.0,
                 worker: SliceWorker | None = None,
                 settled: Callable[[IRDocument], None] | None = None) -> None:
        self._entries: dict[str, _Entry] = {}
        self._publish = publish
        self.worker = worker
        """Checks the second half of a large file's items on first open (or None)."""
        self._settled = settled
        """Called instead of `publish` with a snapshot whose diagnostics are out already."""
        self._debounce = debounce
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ir-build")
        self._warmer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ir-warm")
        self.warm_delay = 0.3
        """Idle seconds after a publish before the index tables are built: never queued
        in front of the next edit's build."""
        self.context: Context | None = None
        """The workspace's parsing context (its custom dialects); None: the shared one."""
        self._builds = 0
        self._idle = threading.Event()
        """Set while no build runs: warming yields to builds between its steps, so a
        second file's open never shares the interpreter with the first file's tables."""
        self._idle.set()
        self._executor.submit(_warm_up)

    def uris(self) -> list[str]:
        return list(self._entries)

    def text(self, uri: str) -> str | None:
        entry = self._entries.get(uri)
        return entry.text if entry is not None else None

    def update(self, uri: str, version: int, text: str) -> None:
        entry = self._entries.get(uri)
        if entry is None:
            entry = self._entries[uri] = _Entry(uri, version, text)
        entry.version, entry.text = version, text
        entry.changed.clear()
        self._idle.clear()  # a build is on its way: warming waits from now on
        if entry.timer is not None:
            entry.timer.cancel()
        loop = asyncio.get_running_loop()
        entry.timer = loop.call_later(self._debounce, self._start, entry)

    def close(self, uri: str) -> None:
        entry = self._entries.pop(uri, None)
        if entry is not None and entry.timer is not None:
            entry.timer.cancel()
            entry.timer = None
        self._settle()
        self._warmer.submit(self._collect_if_due)  # a closed file's snapshot is garbage

    def _collect_if_due(self) -> None:
        """Builds skip the collector's young scans until a full collection is due
        (`ir_studio.deep_stack`); paying for it while no build runs keeps the next
        build (an open, an edit) from paying for it."""
        if collection_due() and self._idle.is_set():
            collect_garbage()

    def _settle(self) -> None:
        """Let warming run again once no build runs and none is waiting to start."""
        if self._builds == 0 and all(e.timer is None for e in self._entries.values()):
            self._idle.set()

    def _start(self, entry: _Entry) -> None:
        entry.timer = None
        if entry.building or self._entries.get(entry.uri) is not entry:
            self._settle()  # a running build restarts itself when it sees the new text
            return
        entry.building = True
        self._builds += 1
        self._idle.clear()
        loop = asyncio.get_running_loop()
        version = entry.version

        def progress(diagnostics: tuple[Diagnostic, ...], done: int, total: int) -> None:
            if done < total:
                loop.call_soon_threadsafe(self._partial, entry, version, diagnostics, done,
                                          total)

        cut = self._cut(entry)
        if cut is not None and self.worker is not None:
            def complete(diagnostics: tuple[Diagnostic, ...], lines: LineIndex) -> None:
                # the snapshot's build waits (briefly) until these are out: it would
                # otherwise share the interpreter with the publish
                out = threading.Event()

                def publish() -> None:
                    try:
                        self._complete(entry, version, diagnostics, lines)
                    finally:
                        out.set()

                loop.call_soon_threadsafe(publish)
                out.wait(timeout=1.0)

            future = loop.run_in_executor(
                self._executor, _build_split, entry.uri, version, entry.text, entry.cache,
                self.worker, cut, progress, complete,
            )
        else:
            future = loop.run_in_executor(
                self._executor, _build, entry.uri, entry.version, entry.text, entry.cache,
                self.context, progress,
            )
        future.add_done_callback(lambda f: self._finished(entry, f))

    def _cut(self, entry: _Entry) -> int | None:
        """Where to split the first build of a large MLIR file between this process and
        the worker (None: build it here). Later builds reuse cached items instead; a
        workspace with its own dialects keeps to one process (the worker has only the
        shared context)."""
        from ir_studio.context import shared_context

        worker = self.worker
        if (worker is None or not worker.ready or entry.built is not None
                or (self.context is not None and self.context is not shared_context())
                or language_for(entry.uri).id != "mlir"):
            return None
        return plan_cut(entry.text)

    def _complete(self, entry: _Entry, version: int, diagnostics: tuple[Diagnostic, ...],
                  lines: LineIndex) -> None:
        """Publish the complete diagnostics a split build merged, ahead of its snapshot."""
        if self._entries.get(entry.uri) is not entry or entry.version != version:
            return
        if entry.built is not None and entry.built.document.version == version:
            return
        entry.complete = (version, diagnostics)
        self._publish(IRDocument(entry.uri, version, entry.text, lines, (), (), diagnostics))

    def close_worker(self) -> None:
        if self.worker is not None:
            self.worker.close()

    def _finished(self, entry: _Entry, future: asyncio.Future[Snapshot]) -> None:
        entry.building = False
        self._builds -= 1
        self._settle()
        if self._entries.get(entry.uri) is not entry:
            return
        error = future.exception()
        if error is not None:
            # A build must never loop or vanish: report it on the document and stop.
            log.error("building %s failed", entry.uri, exc_info=error)
            self._publish_failure(entry, error)
            return
        if error is None:
            snapshot = future.result()
            entry.built = snapshot
            if not any(d.category == "parse" for d in snapshot.document.diagnostics):
                entry.good = snapshot
            if snapshot.document.version == entry.version:
                entry.changed.set()
                document = snapshot.document
                if entry.complete == (document.version, document.diagnostics):
                    if self._settled is not None:
                        self._settled(document)
                else:
                    if entry.complete is not None and entry.complete[0] == document.version:
                        log.warning("the split build of %s disagreed with the whole build",
                                    entry.uri)
                    self._publish(document)
                entry.complete = None
                loop = asyncio.get_running_loop()
                loop.call_later(self.warm_delay, self._warm, entry, snapshot)
                return
        if entry.timer is None:
            self._start(entry)

    def _partial(self, entry: _Entry, version: int, diagnostics: tuple[Diagnostic, ...],
                 done: int, total: int) -> None:
        """Publish what a long build has found so far, marked as incomplete, unless the
        text changed or the complete set is out already."""
        if self._entries.get(entry.uri) is not entry or entry.version != version:
            return
        if entry.built is not None and entry.built.document.version == version:
            return
        if entry.complete is not None and entry.complete[0] == version:
            return  # the complete set is out (a split build): nothing partial after it
        from ir_studio.diagnostics import Severity
        from ir_studio.source import Span

        marker = Diagnostic(Span(0, 0), PROGRESS_MESSAGE.format(done=done, total=total),
                            severity=Severity.INFO, category="progress")
        text = entry.text
        self._publish(IRDocument(entry.uri, version, text, LineIndex(text), (), (),
                                 (marker, *diagnostics)))

    def _warm(self, entry: _Entry, snapshot: Snapshot) -> None:
        """Build the snapshot's lazy tables (records of patched items, occurrences) if
        nothing newer is on its way; a newer edit makes them moot."""
        if entry.building or entry.version != snapshot.document.version:
            return
        if self._entries.get(entry.uri) is not entry:
            return

        def pause() -> None:
            self._idle.wait(timeout=5.0)  # bounded: warming must never stall for good

        def warm() -> None:
            if entry.version == snapshot.document.version:
                snapshot.index.warm(pause)
            self._collect_if_due()

        self._warmer.submit(warm)

    def _publish_failure(self, entry: _Entry, error: BaseException) -> None:
        from ir_studio.source import Span

        message = f"internal error while checking this file: {type(error).__name__}: {error}"
        document = IRDocument(
            entry.uri,
            entry.version,
            entry.text,
            LineIndex(entry.text),
            (),
            (),
            (Diagnostic(Span(0, 0), message, category="internal"),),
        )
        entry.changed.set()
        self._publish(document)

    def current(self, uri: str) -> Snapshot | None:
        """The newest built snapshot, fresh or not (None before the first build)."""
        entry = self._entries.get(uri)
        if entry is None or entry.built is None:
            return None
        fresh = entry.built.document.version == entry.version
        return entry.built if fresh else Snapshot(entry.built.document, entry.built.index, False)

    def last_good(self, uri: str) -> Snapshot | None:
        entry = self._entries.get(uri)
        return entry.good if entry is not None else None

    async def fresh(self, uri: str, timeout: float = 2.0) -> Snapshot | None:
        """Wait (briefly) until the snapshot matches the current text."""
        entry = self._entries.get(uri)
        if entry is None:
            return None
        if not entry.changed.is_set():
            try:
                await asyncio.wait_for(entry.changed.wait(), timeout)
            except TimeoutError:
                pass
        return self.current(uri)
