"""MLIR's `--verify-diagnostics`: compare the diagnostics of a file with the
`expected-error/warning/note/remark` annotations written in it.

The annotation grammar and the matching rules follow MLIR's
SourceMgrDiagnosticVerifierHandler (mlir/lib/IR/Diagnostics.cpp), so a file annotated
for mlir-opt reads the same here: `{{text}}` is a substring of the message, the `-re`
forms mix literal text with `{{regex}}` parts, `@+N`/`@-N` move the expected line,
`@above`/`@below` attach to the nearest line that is not itself an annotation, and
`@unknown` stands for a diagnostic without a file location. Annotations are read per
`// -----` chunk, as with `--split-input-file`.

`lines_only` (`--verify-diagnostics=lines`) keeps kinds and places and ignores the
text: for annotations written against mlir-opt's wording where ir-studio words a
message differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ir_studio.diagnostics import Diagnostic, Severity
from ir_studio.source import LineIndex, Span, split_chunks

KINDS = ("error", "warning", "note", "remark")
_EXPECTED = re.compile(
    r"expected-(error|note|remark|warning)(-re)? *(@([+-][0-9]+|above|below|unknown))? *"
    r"\{\{(.*)\}\}$"
)
_KIND_OF_SEVERITY = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "remark",
    Severity.HINT: "note",
}


@dataclass
class Expectation:
    """One `expected-*` annotation: what, where (0-based line, None for @unknown)."""

    kind: str
    line: int | None
    text: str
    at: Span
    """Where the annotation itself is written: missing ones are reported there."""
    regex: re.Pattern[str] | None = None
    matched: bool = False

    def accepts(self, message: str, lines_only: bool) -> bool:
        if lines_only:
            return True
        if self.regex is not None:
            return self.regex.search(message) is not None
        return self.text in message


@dataclass(frozen=True)
class Emitted:
    """A diagnostic flattened for matching: notes attached to a diagnostic count as
    separate `note` diagnostics at their own places, as MLIR emits them."""

    kind: str
    span: Span | None
    message: str


@dataclass(frozen=True)
class Problem:
    """One line of the verifier's own failure report (always an error)."""

    span: Span | None
    message: str


@dataclass
class Verification:
    expectations: list[Expectation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _compile(text: str) -> tuple[re.Pattern[str] | None, str | None]:
    """MLIR's ExpectedDiag::computeRegex: literal text escaped, `{{...}}` kept as regex."""
    parts: list[str] = []
    rest = text
    while rest:
        start = rest.find("{{")
        if start < 0:
            parts.append(re.escape(rest))
            break
        parts.append(re.escape(rest[:start]))
        rest = rest[start + 2:]
        end = rest.find("}}")
        if end < 0:
            return None, "found start of regex with no end '}}'"
        body = rest[:end]
        try:
            re.compile(body)
        except re.error as error:
            return None, f"invalid regex: {error}"
        parts.append(f"({body})")
        rest = rest[end + 2:]
    return re.compile("".join(parts)), None


def parse_expectations(text: str, start: int = 0, end: int | None = None,
                       ) -> tuple[list[Expectation], list[Problem]]:
    """The annotations of `text[start:end]` (one chunk), with file-absolute places."""
    end = len(text) if end is None else end
    lines = LineIndex(text)
    first_line = lines.position(start).line
    expectations: list[Expectation] = []
    problems: list[Problem] = []
    for_next_line: list[Expectation] = []
    last_plain_line = first_line - 1
    offset = start
    chunk_lines = text[start:end].split("\n")
    for number, line_text in enumerate(chunk_lines):
        line = first_line + number
        match = _EXPECTED.search(line_text.rstrip())
        if match is None:
            for pending in for_next_line:
                pending.line = line
            for_next_line.clear()
            last_plain_line = line
            offset += len(line_text) + 1
            continue
        at = Span(offset + match.start(), offset + match.end())
        kind, is_regex, designator, body = match.group(1, 2, 4, 5)
        expectation = Expectation(kind, line, body, at)
        if is_regex:
            expectation.regex, error = _compile(body)
            if error is not None:
                problems.append(Problem(at, error))
                offset += len(line_text) + 1
                continue
        if designator is not None:
            if designator[0] in "+-":
                step = int(designator[1:])
                expectation.line = line + step if designator[0] == "+" else line - step
            elif designator == "unknown":
                expectation.line = None
            elif designator == "above":
                expectation.line = last_plain_line
            else:  # below: the next line that is not an annotation
                expectation.line = first_line + len(chunk_lines)
                for_next_line.append(expectation)
        expectations.append(expectation)
        offset += len(line_text) + 1
    return expectations, problems


def flatten(diagnostics: Iterable[Diagnostic]) -> list[Emitted]:
    flat: list[Emitted] = []
    for diagnostic in diagnostics:
        flat.append(Emitted(_KIND_OF_SEVERITY[diagnostic.severity], diagnostic.span,
                            diagnostic.message))
        flat.extend(Emitted("note", note.span, note.message) for note in diagnostic.related)
    return flat


def verify(text: str, diagnostics: Sequence[Diagnostic], *, lines_only: bool = False,
           ) -> Verification:
    """Check `diagnostics` (of the whole `text`) against its annotations, chunk by chunk."""
    result = Verification()
    lines = LineIndex(text)
    emitted = flatten(diagnostics)
    for chunk in split_chunks(text):
        expectations, problems = parse_expectations(text, chunk.start, chunk.end)
        result.expectations.extend(expectations)
        result.problems.extend(problems)
        mine = [e for e in emitted
                if e.span is not None and chunk.start <= e.span.start <= chunk.end
                and not (e.span.start == chunk.end and chunk.end < len(text))]
        for diagnostic in mine:
            _match(diagnostic, expectations, lines, lines_only, result.problems)
        for expectation in expectations:
            if not expectation.matched:
                text_part = "" if lines_only else f' "{expectation.text}"'
                result.problems.append(Problem(
                    expectation.at, f"expected {expectation.kind}{text_part} was not produced"))
    for diagnostic in (e for e in emitted if e.span is None):
        result.problems.append(Problem(None, f"unexpected {diagnostic.kind}: {diagnostic.message}"))
    result.problems.sort(key=lambda p: -1 if p.span is None else p.span.start)
    return result


def _match(diagnostic: Emitted, expectations: list[Expectation], lines: LineIndex,
           lines_only: bool, problems: list[Problem]) -> None:
    assert diagnostic.span is not None
    line = lines.position(diagnostic.span.start).line
    near_miss: Expectation | None = None
    for expectation in expectations:
        if expectation.line != line:
            continue
        if expectation.kind == diagnostic.kind and expectation.accepts(diagnostic.message,
                                                                       lines_only):
            expectation.matched = True
            return
        if expectation.accepts(diagnostic.message, lines_only):
            near_miss = expectation
    if near_miss is not None:
        problems.append(Problem(
            near_miss.at,
            f"'{diagnostic.kind}' diagnostic emitted when expecting a '{near_miss.kind}'"))
    else:
        problems.append(Problem(diagnostic.span,
                                f"unexpected {diagnostic.kind}: {diagnostic.message}"))


def as_diagnostics(verification: Verification) -> list[Diagnostic]:
    """The report as ordinary error diagnostics, for the usual renderer."""
    return [Diagnostic(p.span or Span(0, 0), p.message, category="verify-diagnostics")
            for p in verification.problems]
