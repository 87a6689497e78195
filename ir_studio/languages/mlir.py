"""MLIR files (`.mlir`): the incremental document build, the def/use index, and the
IDE features over what the parser recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ir_studio.languages.base import Analysis, Language, Program

if TYPE_CHECKING:
    from xdsl.context import Context
    from xdsl.dialects.builtin import ModuleOp

    from ir_studio.document import ItemCache, Progress
    from ir_studio.ide.completion import CompletionResult
    from ir_studio.ide.folding import Fold
    from ir_studio.ide.hover import HoverInfo
    from ir_studio.ide.outline import OutlineNode
    from ir_studio.ide.semantic_tokens import SemanticToken

TPU_DIALECTS = ("top.", "tpu.")


class MLIRLanguage(Language):
    id = "mlir"
    title = "MLIR"
    suffixes = (".mlir",)
    lexer = "mlir"
    default_pipeline = "cleanup"

    def analyse(
        self, uri: str, version: int, text: str, *,
        cache: ItemCache | None = None, ctx: Context | None = None,
        progress: Progress | None = None,
    ) -> Analysis:
        from ir_studio.document import build_document
        from ir_studio.index import DocumentIndex

        document = build_document(uri, version, text, cache=cache, ctx=ctx,
                                  progress=progress)
        return Analysis(document, DocumentIndex(document))

    def load(self, name: str, text: str) -> Program:
        from ir_studio.document import build_document

        document = build_document(name, 0, text)
        module = document.chunks[0].module if not document.diagnostics else None
        return Program(name, text, self, document.lines, module,
                       list(document.diagnostics), chunks=len(document.chunks))

    def specialise(self, module: ModuleOp | None) -> Language:
        if module is not None and any(op.name.startswith(TPU_DIALECTS) for op in module.walk()):
            from ir_studio.languages import get

            return get("tpu")
        return self

    def outline(self, analysis: Analysis) -> list[OutlineNode]:
        from ir_studio.ide.outline import outline

        return outline(analysis.document)

    def hover(self, analysis: Analysis, offset: int) -> HoverInfo | None:
        from ir_studio.ide.hover import hover_at
        from ir_studio.index import DocumentIndex

        assert isinstance(analysis.index, DocumentIndex)
        return hover_at(analysis.document, analysis.index, offset)

    def complete(self, analysis: Analysis | None, text: str, offset: int) -> CompletionResult:
        from ir_studio.ide.completion import complete

        # before the first build the text alone answers what it can (values, op starts)
        return complete(analysis.document if analysis is not None else None, text, offset)

    def tokens(self, analysis: Analysis, start: int = 0,
               end: int | None = None) -> list[SemanticToken]:
        from ir_studio.ide.semantic_tokens import semantic_tokens

        return semantic_tokens(analysis.document, start, end)

    def folding(self, analysis: Analysis) -> list[Fold]:
        from ir_studio.ide.folding import folding_ranges

        return folding_ranges(analysis.document)
