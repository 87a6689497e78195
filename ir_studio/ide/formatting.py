"""Formatting that only ever changes whitespace at line starts and ends.

Indentation follows region nesting (two spaces per `{`, labels one step out, bracket
continuation lines four more), trailing whitespace goes, runs of blank lines shrink to
one. Nothing inside a line changes, so every comment, SSA name and character of meaning
stays; the parse of the result is checked to print the same IR (else: no edit).
"""

from __future__ import annotations

import re

_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"?|//[^\n]*|[(){}\[\]]')


def format_text(text: str) -> str:
    out: list[str] = []
    braces = 0
    parens = 0
    blank_run = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            blank_run += 1
            if blank_run <= 1:
                out.append("")
            continue
        blank_run = 0
        closing = len(line) - len(line.lstrip("}])"))
        lead_braces = line[:closing].count("}")
        lead_parens = closing - lead_braces
        depth = max(0, braces - lead_braces)
        indent = 2 * depth + (4 if parens - lead_parens > 0 else 0)
        if line.startswith("^") and depth > 0:
            indent -= 2
        if line.startswith("// -----"):
            indent = 0
        out.append(" " * indent + line)
        for token in _TOKENS.finditer(line):
            t = token.group()
            if t in "{":
                braces += 1
            elif t == "}":
                braces = max(0, braces - 1)
            elif t in "([":
                parens += 1
            elif t in ")]":
                parens = max(0, parens - 1)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + ("\n" if text.endswith("\n") or out else "")


def safe_format(text: str) -> str | None:
    """The formatted text, or None when formatting would change the IR (or no change)."""
    formatted = format_text(text)
    if formatted == text:
        return None
    from ir_studio.document import build_document

    before = build_document("a.mlir", 0, text)
    after = build_document("a.mlir", 0, formatted)
    if not before.ok or not after.ok:
        return None
    from ir_studio.printing import print_ir

    old = [print_ir(m, generic=True) for m in before.modules()]
    new = [print_ir(m, generic=True) for m in after.modules()]
    return formatted if old == new else None
