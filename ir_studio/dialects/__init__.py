"""ir-studio's own xDSL dialects, registered lazily next to xDSL's.

Maps dialect name -> factory: the Toy and TPU dialects, and upstream dialects xDSL
lacks (`index`).
"""

from __future__ import annotations

from collections.abc import Callable

from xdsl.ir import Dialect


def _toy() -> Dialect:
    from ir_studio.toy.dialect import Toy

    return Toy


def _top() -> Dialect:
    from ir_studio.tpu.dialects import Top

    return Top


def _tpu() -> Dialect:
    from ir_studio.tpu.dialects import Tpu

    return Tpu


def _index() -> Dialect:
    from ir_studio.dialects.index import Index

    return Index


PROJECT_DIALECTS: dict[str, Callable[[], Dialect]] = {
    "toy": _toy, "top": _top, "tpu": _tpu, "index": _index}
