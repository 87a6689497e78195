"""The per-document cache of parsed items that lets a build reuse unchanged items and
patch edited ones (`ir_studio.document`, `ir_studio.incremental`)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from ir_studio.parse_item import ParsedItem


class ItemCache:
    """Parsed items keyed by (environment, item text), least recently used out, plus
    the items of the last build by place (the bases for incremental patches).

    Entries are immutable `ParsedItem`s, so one may appear in several snapshots and be
    read from several threads; the cache's own tables are guarded by a lock."""

    def __init__(self, capacity: int = 20_000, max_chars: int = 16_000_000) -> None:
        self._entries: OrderedDict[tuple[str, str], ParsedItem] = OrderedDict()
        self._capacity = capacity
        self._max_chars = max_chars
        """Every version of a large function is a key of its own size: bound the total."""
        self._chars = 0
        self._lock = threading.Lock()
        self._previous: dict[tuple[int, int], tuple[str, ParsedItem]] = {}

    def get(self, key: tuple[str, str]) -> ParsedItem | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: tuple[str, str], item: ParsedItem) -> None:
        with self._lock:
            if key not in self._entries:
                self._chars += len(key[0]) + len(key[1])
            self._entries[key] = item
            self._entries.move_to_end(key)
            while len(self._entries) > 1 and (len(self._entries) > self._capacity
                                              or self._chars > self._max_chars):
                old, _ = self._entries.popitem(last=False)
                self._chars -= len(old[0]) + len(old[1])

    def previous(self, chunk: int, base: int, environment: str) -> ParsedItem | None:
        """The item that started at this place in the last build, if in the same
        environment (an edit inside an item leaves its start where it was)."""
        with self._lock:
            found = self._previous.get((chunk, base))
        return found[1] if found is not None and found[0] == environment else None

    def remember(self, placed: dict[tuple[int, int], tuple[str, ParsedItem]]) -> None:
        """Keep this build's items as the next bases; where an item does not parse,
        keep the last version of it that did (typing passes through broken text, and a
        patch needs a parsed base)."""
        with self._lock:
            for place, (environment, item) in placed.items():
                if item.op is None:
                    older = self._previous.get(place)
                    if older is not None and older[0] == environment and older[1].op is not None:
                        placed[place] = older
            self._previous = placed
