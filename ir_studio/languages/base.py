"""What every language gives the front ends, so none of them branches on a file's kind.

A `Language` turns text into an `Analysis` (the snapshot the editor reads: document,
diagnostics, index) and into a `Program` (what `check`, `lower`, `run` and the TUI read:
the module, or why there is none). The editor features (outline, hover, completion,
semantic tokens, folding) answer from an `Analysis`. One instance per language lives in
the registry (`ir_studio.languages`); the server, the TUI and the CLI ask it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ir_studio.diagnostics import Diagnostic
from ir_studio.source import LineIndex, Span

if TYPE_CHECKING:
    from pygments.lexer import Lexer
    from xdsl.context import Context
    from xdsl.dialects.builtin import ModuleOp

    from ir_studio.document import IRDocument, ItemCache, Progress
    from ir_studio.ide.completion import CompletionResult
    from ir_studio.ide.folding import Fold
    from ir_studio.ide.hover import HoverInfo
    from ir_studio.ide.outline import OutlineNode
    from ir_studio.ide.semantic_tokens import SemanticToken
    from ir_studio.index import Occurrence


class Index(Protocol):
    """Navigation over one text version (MLIR's `DocumentIndex`, or a name index)."""

    def at(self, offset: int) -> Occurrence | None: ...
    def definition(self, offset: int) -> list[Span]: ...
    def references(self, offset: int, include_declaration: bool = True) -> list[Span]: ...
    def occurrences_of(self, offset: int) -> list[tuple[Span, bool]]: ...
    def warm(self, pause: Callable[[], None] | None = None) -> None: ...


@dataclass(frozen=True)
class Analysis:
    """One text version as the editor sees it."""

    document: IRDocument
    index: Index


@dataclass
class Program:
    """One file as the batch front ends see it: a module to lower and run, or the
    diagnostics that say why there is none (`module` is None whenever one is an error)."""

    name: str
    text: str
    language: Language
    lines: LineIndex
    module: ModuleOp | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ast: Any = None
    """The Toy AST (for `--emit ast`), None for other languages."""
    chunks: int = 1

    @property
    def ok(self) -> bool:
        return not any(d.severity == 1 for d in self.diagnostics)


class Language:
    """The default answers are MLIR's; a language overrides what differs."""

    id: str = ""
    title: str = ""
    suffixes: tuple[str, ...] = ()
    lexer: str = "mlir"
    """The Pygments lexer alias (see `ir_studio.pygments_lexers`)."""
    default_pipeline: str | None = None
    """What the TUI runs when no pipeline is given (None: nothing to lower)."""
    lowers: bool = True
    """Whether `lower` and the pass list apply (LLVM IR has no MLIR module to lower)."""

    def analyse(
        self, uri: str, version: int, text: str, *,
        cache: ItemCache | None = None, ctx: Context | None = None,
        progress: Progress | None = None,
    ) -> Analysis:
        raise NotImplementedError

    def load(self, name: str, text: str) -> Program:
        raise NotImplementedError

    def specialise(self, module: ModuleOp | None) -> Language:
        """The language a parsed module really is in (a TPU graph is MLIR by suffix).
        A walk over the module: asked by those who need it (the TUI's default pipeline),
        not by `check`."""
        return self

    def outline(self, analysis: Analysis) -> list[OutlineNode]:
        return []

    def hover(self, analysis: Analysis, offset: int) -> HoverInfo | None:
        return None

    def complete(self, analysis: Analysis | None, text: str, offset: int) -> CompletionResult:
        from ir_studio.ide.completion import CompletionResult

        return CompletionResult([])

    def tokens(self, analysis: Analysis, start: int = 0,
               end: int | None = None) -> list[SemanticToken]:
        return []

    def folding(self, analysis: Analysis) -> list[Fold]:
        return []

    def make_lexer(self) -> Lexer:
        """A Pygments lexer instance for this language's text."""
        from ir_studio import pygments_lexers

        classes = {"mlir": pygments_lexers.MLIRLexer, "toy": pygments_lexers.ToyLexer,
                   "llvm22": pygments_lexers.LLVM22Lexer}
        return classes[self.lexer]()
