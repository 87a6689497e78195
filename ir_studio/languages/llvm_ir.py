"""LLVM IR files (`.ll`): LLVM's own parser and verifier (through llvmlite) for
diagnostics, a lexical name index for navigation. `run` JIT-compiles the text as it is;
there is no MLIR module, so nothing to `lower`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ir_studio.languages.base import Analysis, Language, Program

if TYPE_CHECKING:
    from xdsl.context import Context

    from ir_studio.document import ItemCache, Progress
    from ir_studio.ide.folding import Fold
    from ir_studio.ide.hover import HoverInfo
    from ir_studio.ide.outline import OutlineNode
    from ir_studio.ide.semantic_tokens import SemanticToken
    from ir_studio.llvm_ide import LLVMIndex


class LLVMIRLanguage(Language):
    id = "llvm"
    title = "LLVM IR"
    suffixes = (".ll",)
    lexer = "llvm22"
    default_pipeline = None
    lowers = False

    def analyse(
        self, uri: str, version: int, text: str, *,
        cache: ItemCache | None = None, ctx: Context | None = None,
        progress: Progress | None = None,
    ) -> Analysis:
        from ir_studio.document import IRDocument
        from ir_studio.llvm_ide import LLVMIndex, llvm_diagnostics
        from ir_studio.source import LineIndex

        document = IRDocument(uri, version, text, LineIndex(text), (), (),
                              tuple(llvm_diagnostics(text)))
        return Analysis(document, LLVMIndex(text))

    def load(self, name: str, text: str) -> Program:
        from ir_studio.llvm_ide import llvm_diagnostics
        from ir_studio.source import LineIndex

        return Program(name, text, self, LineIndex(text), None, llvm_diagnostics(text))

    def _index(self, analysis: Analysis) -> LLVMIndex:
        from ir_studio.llvm_ide import LLVMIndex

        assert isinstance(analysis.index, LLVMIndex)
        return analysis.index

    def outline(self, analysis: Analysis) -> list[OutlineNode]:
        from ir_studio.ide.outline import OutlineNode

        index = self._index(analysis)
        return [OutlineNode(name, "function", span, span) for name, span in index.functions] + [
            OutlineNode(name, "variable", span, span) for name, span in index.globals]

    def hover(self, analysis: Analysis, offset: int) -> HoverInfo | None:
        from ir_studio.ide.hover import HoverInfo

        found = self._index(analysis).hover(offset)
        return None if found is None else HoverInfo(*found)

    def tokens(self, analysis: Analysis, start: int = 0,
               end: int | None = None) -> list[SemanticToken]:
        from ir_studio.ide.semantic_tokens import SemanticToken
        from ir_studio.llvm_ide import llvm_semantic_tokens

        stop = len(analysis.document.text) if end is None else end
        return [SemanticToken(*t) for t in llvm_semantic_tokens(self._index(analysis))
                if t[1] >= start and t[0] <= stop]

    def folding(self, analysis: Analysis) -> list[Fold]:
        from ir_studio.ide.folding import Fold
        from ir_studio.llvm_ide import llvm_folds

        return [Fold(a, b, "region") for a, b in llvm_folds(analysis.document.text)]
