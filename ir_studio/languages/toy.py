"""Toy files (`.toy`, the MLIR tutorial's language): compiled once per text version;
the diagnostics (frontend, then shape inference at the Toy line) and the name index both
come from that one compilation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ir_studio.languages.base import Analysis, Language, Program

if TYPE_CHECKING:
    from xdsl.context import Context

    from ir_studio.document import ItemCache, Progress
    from ir_studio.ide.completion import CompletionResult
    from ir_studio.ide.hover import HoverInfo
    from ir_studio.ide.outline import OutlineNode


class ToyLanguage(Language):
    id = "toy"
    title = "Toy"
    suffixes = (".toy",)
    lexer = "toy"
    default_pipeline = "toy-to-llvm"

    def analyse(
        self, uri: str, version: int, text: str, *,
        cache: ItemCache | None = None, ctx: Context | None = None,
        progress: Progress | None = None,
    ) -> Analysis:
        from ir_studio.document import IRDocument
        from ir_studio.source import LineIndex
        from ir_studio.toy.ide import ToyIndex, toy_check

        name = uri.removeprefix("file://").rsplit("/", 1)[-1]
        checked = toy_check(text, name)
        lines = LineIndex(text)
        document = IRDocument(uri, version, text, lines, (), (), tuple(checked.diagnostics))
        return Analysis(document, ToyIndex(text, checked.shapes, checked.ast, parse=False))

    def load(self, name: str, text: str) -> Program:
        """The same checks as the editor (shape inference included, on a copy), so
        `check x.toy` reports what the editor shows, where it shows it."""
        from ir_studio.source import LineIndex
        from ir_studio.toy.ide import toy_check

        checked = toy_check(text, name, keep_module=True)
        module = checked.module if not checked.diagnostics else None
        return Program(name, text, self, LineIndex(text), module, list(checked.diagnostics),
                       ast=checked.ast)

    def outline(self, analysis: Analysis) -> list[OutlineNode]:
        from ir_studio.ide.outline import OutlineNode
        from ir_studio.toy.ide import ToyIndex

        index = analysis.index
        assert isinstance(index, ToyIndex)
        kinds = {"function-def": "function", "struct-def": "struct"}
        return [OutlineNode(e.name, kinds[e.kind], e.span, e.span)
                for e in index.entries if e.kind in kinds]

    def hover(self, analysis: Analysis, offset: int) -> HoverInfo | None:
        from ir_studio.ide.hover import HoverInfo
        from ir_studio.toy.ide import ToyIndex

        assert isinstance(analysis.index, ToyIndex)
        found = analysis.index.hover(offset)
        return None if found is None else HoverInfo(*found)

    def complete(self, analysis: Analysis | None, text: str, offset: int) -> CompletionResult:
        from ir_studio.ide.completion import Completion, CompletionResult
        from ir_studio.toy.ide import ToyIndex, toy_completions

        index = analysis.index if analysis is not None else ToyIndex(text)
        assert isinstance(index, ToyIndex)
        return CompletionResult([Completion(name, kind, kind)
                                 for name, kind in toy_completions(index, text, offset)])
