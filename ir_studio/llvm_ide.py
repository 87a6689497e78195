"""Editor support for LLVM IR (`.ll`): diagnostics from LLVM's own parser and verifier
(through llvmlite), and a name index of %locals, @globals and labels with the same
interface as the MLIR `DocumentIndex`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ir_studio.diagnostics import Diagnostic
from ir_studio.ide.name_index import NameIndex
from ir_studio.index import Occurrence
from ir_studio.source import LineIndex, Span

_PARSE_ERROR = re.compile(r"<string>:(\d+):(\d+): error: (.*)")
_TOKEN = re.compile(r';[^\n]*|"(?:[^"\\\n]|\\.)*"|(?P<tok>[%@](?:[-\w$.]+|"[^"\n]*"))')
_LABEL = re.compile(r"^([-\w$.]+):", re.M)
_FUNCTION = re.compile(r"^(define|declare)\b[^\n]*?(@[-\w$.]+|@\"[^\"\n]*\")\s*\(", re.M)


def llvm_diagnostics(text: str) -> list[Diagnostic]:
    """Parse errors at LLVM's line and column; verifier errors on the instruction they
    quote (the first line LLVM prints after the message)."""
    import llvmlite.binding as llvm

    lines = LineIndex(text)
    try:
        module = llvm.parse_assembly(text)
    except RuntimeError as error:
        match = _PARSE_ERROR.search(str(error))
        if match is None:
            return [Diagnostic(Span(0, 1), str(error).strip().splitlines()[0])]
        start = lines.offset(int(match.group(1)) - 1, int(match.group(2)) - 1)
        return [Diagnostic(Span(start, start + 1), match.group(3))]
    try:
        module.verify()
    except RuntimeError as error:
        message, *quoted = str(error).strip().splitlines()
        for line in quoted:
            at = text.find(line.strip())
            if at >= 0:
                return [Diagnostic(Span(at, at + len(line.strip())), message, category="verify")]
        return [Diagnostic(Span(0, 1), message, category="verify")]
    return []


@dataclass(frozen=True)
class _Entry:
    kind: str  # local-def, local-use, global-def, global-use, label-def, label-use
    name: str
    span: Span
    scope: int  # function index for locals and labels; -1 for globals
    line: str


class LLVMIndex(NameIndex):
    """Occurrences of %locals (per function), labels and @globals, found lexically."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineIndex(text)
        self.entries: list[_Entry] = []
        self.functions: list[tuple[str, Span]] = []
        self.globals: list[tuple[str, Span]] = []
        self._collect()

    def _line(self, offset: int) -> str:
        return self.lines.line_text(self.lines.position(offset).line).strip()

    def _collect(self) -> None:
        text = self.text
        bodies: list[tuple[int, int]] = []
        for match in _FUNCTION.finditer(text):
            self.functions.append((match.group(2), Span(match.start(2), match.end(2))))
            if match.group(1) == "define":
                brace = text.find("{", match.end())
                close = text.find("\n}", brace)
                bodies.append((match.start(), (close if close >= 0 else len(text)) + 2))
        scope_of = self._scoper(bodies)
        for match in _TOKEN.finditer(text):
            token = match.group("tok")
            if token is None:
                continue
            a, b = match.span("tok")
            token = token[0] + token[1:].strip('"')  # %"x" and %x name the same value
            line_start = text.rfind("\n", 0, a) + 1
            before = text[line_start:a]
            after = text[b : text.find("\n", b) if text.find("\n", b) >= 0 else len(text)]
            scope = scope_of(a)
            if token[0] == "@":
                is_def = (before.strip() == "" and re.match(r"\s*=", after) is not None) or (
                    re.match(r"(define|declare)\b", before.lstrip()) is not None
                    and after.lstrip().startswith("(")
                )
                if is_def and before.strip() == "":
                    self.globals.append((token, Span(a, b)))
                self.entries.append(
                    _Entry(
                        "global-def" if is_def else "global-use",
                        token,
                        Span(a, b),
                        -1,
                        self._line(a),
                    )
                )
                continue
            is_def = (before.strip() == "" and re.match(r"\s*=", after) is not None) or (
                re.match(r"(define)\b", before.lstrip()) is not None and scope >= 0
            )
            kind = "local-def" if is_def else "local-use"
            if before.rstrip().endswith("label"):
                kind = "label-use"
            self.entries.append(_Entry(kind, token, Span(a, b), scope, self._line(a)))
        for match in _LABEL.finditer(text):
            name = "%" + match.group(1)
            self.entries.append(
                _Entry(
                    "label-def",
                    name,
                    Span(match.start(1), match.end(1)),
                    scope_of(match.start()),
                    self._line(match.start()),
                )
            )
        self.entries.sort(key=lambda e: e.span.start)

    @staticmethod
    def _scoper(bodies: list[tuple[int, int]]):
        def scope_of(offset: int) -> int:
            for i, (a, b) in enumerate(bodies):
                if a <= offset < b:
                    return i
            return -1

        return scope_of

    # -- the DocumentIndex interface ------------------------------------------------
    def _here(self, offset: int) -> _Entry | None:
        return next((e for e in self.entries if e.span.start <= offset <= e.span.end), None)

    def _family(self, entry: _Entry) -> str:
        return "global" if entry.kind.startswith("global") else "local"

    def _related(self, offset: int) -> list[_Entry]:
        here = self._here(offset)
        if here is None:
            return []
        family = self._family(here)
        same = [
            e
            for e in self.entries
            if self._family(e) == family
            and e.name == here.name
            and (family == "global" or e.scope == here.scope)
        ]
        return sorted(same, key=lambda e: (not e.kind.endswith("-def"), e.span.start))

    def at(self, offset: int) -> Occurrence | None:
        entry = self._here(offset)
        if entry is None:
            return None
        return Occurrence("ll-" + entry.kind, entry.span, (entry.name, entry.scope))

    def hover(self, offset: int) -> tuple[str, Span] | None:
        """The defining instruction (or declaration) of the name under the cursor."""
        here = self._here(offset)
        if here is None:
            return None
        defs = [e for e in self._related(offset) if e.kind.endswith("-def")]
        if not defs:
            return f"**{here.name}**: no definition in this file", here.span
        line = defs[0].line
        return f"**{here.name}**\n\n```llvm\n{line}\n```", here.span


_TOKEN_TYPES = {"local": 1, "global": 3, "label": 2}
"""Indices into ir_studio.ide.semantic_tokens.TOKEN_TYPES (variable, method, label)."""


def llvm_semantic_tokens(index: LLVMIndex) -> list[tuple[int, int, int, int]]:
    """(start, end, type, modifiers) for names and comments of an .ll file."""
    tokens = [
        (
            e.span.start,
            e.span.end,
            _TOKEN_TYPES[e.kind.split("-")[0]],
            1 if e.kind.endswith("-def") else 0,
        )
        for e in index.entries
    ]
    tokens += [
        (m.start(), m.end(), 5, 0)
        for m in re.finditer(r";[^\n]*", index.text)
        if index.text.rfind('"', index.text.rfind("\n", 0, m.start()) + 1, m.start()) < 0
    ]
    tokens.sort()
    out: list[tuple[int, int, int, int]] = []
    for token in tokens:
        if out and token[0] < out[-1][1]:
            continue
        out.append(token)
    return out


def llvm_folds(text: str) -> list[tuple[int, int]]:
    """(first line, last line) of every function body."""
    lines = text.split("\n")
    folds, start = [], None
    for number, line in enumerate(lines):
        if line.startswith("define") and line.rstrip().endswith("{"):
            start = number
        elif line.startswith("}") and start is not None:
            if number - 1 > start:
                folds.append((start, number - 1))
            start = None
    return folds
