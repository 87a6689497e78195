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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from xdsl.context import Context

from ir_studio.document import IRDocument, ItemCache
from ir_studio.index import DocumentIndex
from ir_studio.languages import language_for

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


def _build(uri: str, version: int, text: str, cache: ItemCache, ctx: Context | None) -> Snapshot:
    """The file's language (from the registry) builds the document and its index."""
    analysis = language_for(uri).analyse(uri, version, text, cache=cache, ctx=ctx)
    return Snapshot(analysis.document, analysis.index, True)  # pyright: ignore[reportArgumentType]  # Snapshot.index is the file language's own index


class DocumentStore:
    def __init__(self, publish: Callable[[IRDocument], None], debounce: float = 0.0) -> None:
        self._entries: dict[str, _Entry] = {}
        self._publish = publish
        self._debounce = debounce
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ir-build")
        self.context: Context | None = None
        """The workspace's parsing context (its custom dialects); None: the shared one."""

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
        if entry.timer is not None:
            entry.timer.cancel()
        loop = asyncio.get_running_loop()
        entry.timer = loop.call_later(self._debounce, self._start, entry)

    def close(self, uri: str) -> None:
        entry = self._entries.pop(uri, None)
        if entry is not None and entry.timer is not None:
            entry.timer.cancel()

    def _start(self, entry: _Entry) -> None:
        entry.timer = None
        if entry.building or self._entries.get(entry.uri) is not entry:
            return
        entry.building = True
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(
            self._executor, _build, entry.uri, entry.version, entry.text, entry.cache, self.context
        )
        future.add_done_callback(lambda f: self._finished(entry, f))

    def _finished(self, entry: _Entry, future: asyncio.Future[Snapshot]) -> None:
        entry.building = False
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
                self._publish(snapshot.document)
                asyncio.get_running_loop().run_in_executor(self._executor, snapshot.index.warm)
                return
        if entry.timer is None:
            self._start(entry)

    def _publish_failure(self, entry: _Entry, error: BaseException) -> None:
        from ir_studio.diagnostics import Diagnostic
        from ir_studio.source import LineIndex, Span

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
