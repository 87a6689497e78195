"""Pass-pipeline strings in both syntaxes, as data.

xDSL's flat syntax (`cse,canonicalize{max-iterations=3}`) and MLIR's nested one
(`builtin.module(func.func(cse),canonicalize)`) both parse into a flat list of
`PassStep`s; a step nested under an op name other than builtin.module is anchored to
that op.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field

from xdsl.passes import ModulePass


class PipelineError(ValueError):
    """A malformed pipeline or an unknown pass; the message is meant for users."""


@dataclass(frozen=True, slots=True)
class PassStep:
    name: str
    options: str
    """The text inside `{...}`, empty when none."""
    anchor: str | None = None
    written: str = field(default="", compare=False)
    """The step as the user wrote it (`name{options}`), handed to xDSL's option parser
    as is, so a pipeline string is never re-spelled and parsed again."""

    @property
    def spelled(self) -> str:
        return f"{self.name}{{{self.options}}}" if self.options else self.name


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _read_name(text: str, pos: int) -> tuple[str, int]:
    start = pos
    while pos < len(text) and (text[pos].isalnum() or text[pos] in "-_.$"):
        pos += 1
    if pos == start:
        near = text[pos : pos + 10] or "end of pipeline"
        raise PipelineError(f"expected a pass name at column {pos + 1}, found '{near}'")
    return text[start:pos], pos


def _read_braced(text: str, pos: int) -> tuple[str, int]:
    depth, start, quote = 0, pos + 1, False
    for index in range(pos, len(text)):
        char = text[index]
        if char == '"':
            quote = not quote
        elif not quote and char == "{":
            depth += 1
        elif not quote and char == "}":
            depth -= 1
            if depth == 0:
                return text[start:index].strip(), index + 1
    raise PipelineError(f"unbalanced '{{' at column {pos + 1}")


def parse_pipeline(text: str) -> list[PassStep]:
    steps, pos = _parse_list(text, 0, None)
    pos = _skip(text, pos)
    if pos != len(text):
        raise PipelineError(f"unexpected '{text[pos]}' at column {pos + 1}")
    return steps


def _parse_list(text: str, pos: int, anchor: str | None) -> tuple[list[PassStep], int]:
    steps: list[PassStep] = []
    pos = _skip(text, pos)
    if pos >= len(text) or text[pos] == ")":
        return steps, pos
    while True:
        pos = _skip(text, pos)
        start = pos
        name, pos = _read_name(text, pos)
        pos = _skip(text, pos)
        options = ""
        if pos < len(text) and text[pos] == "{":
            options, pos = _read_braced(text, pos)
            pos = _skip(text, pos)
        if pos < len(text) and text[pos] == "(":
            inner_anchor = anchor if name == "builtin.module" else name
            inner, pos = _parse_list(text, pos + 1, inner_anchor)
            pos = _skip(text, pos)
            if pos >= len(text) or text[pos] != ")":
                raise PipelineError(f"missing ')' to close '{name}('")
            pos += 1
            steps.extend(inner)
        else:
            steps.append(PassStep(name, options, anchor, text[start:pos].strip()))
        pos = _skip(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos += 1
            continue
        return steps, pos


def available_passes() -> dict[str, Callable[[], type[ModulePass]]]:
    from xdsl.transforms import get_all_passes

    from ir_studio.transforms import PROJECT_PASSES

    registry = dict(get_all_passes())
    registry.update(PROJECT_PASSES)
    return registry


def instantiate(
    step: PassStep,
    registry: dict[str, Callable[[], type[ModulePass]]],
    also: tuple[str, ...] = (),
) -> ModulePass:
    """The configured pass of one step. `also`: other names the step could have meant
    (named pipelines, when the whole pipeline is one bare name)."""
    from xdsl.utils.arg_spec import parse_spec

    factory = registry.get(step.name)
    if factory is None:
        close = difflib.get_close_matches(step.name, [*registry, *also], n=4, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see 'ir-studio passes'"
        what = "pass or pipeline" if also else "pass"
        raise PipelineError(f"unknown {what} '{step.name}'{hint}")
    pass_class = factory()
    try:
        return pass_class.from_spec(parse_spec(step.written or step.spelled))
    except Exception as error:
        raise PipelineError(f"bad options for pass '{step.name}': {error}") from None
