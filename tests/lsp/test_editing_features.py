"""Rename, semantic tokens, folding, code lens and the custom requests, end to end."""

from __future__ import annotations

import re

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.conftest import uri_in
from tests.lsp.helpers import open_doc, pos, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")

PROGRAM = """\
// helpers
#map = affine_map<(d0) -> (d0 * 2)>
func.func private @twice(%x: i32) -> i32 {
  // double it
  %sum = arith.addi %x, %x : i32   // %sum stays in this comment
  return %sum : i32
}

func.func @main(%a: i32) -> i32 {
  %r = func.call @twice(%a) : (i32) -> i32
  cf.br ^exit(%r : i32)
^exit(%v: i32):
  return %v : i32
}
"""


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def off(p: types.Position) -> int:
        return offsets[p.line] + p.character

    for edit in sorted(edits, key=lambda e: off(e.range.start), reverse=True):
        text = text[: off(edit.range.start)] + edit.new_text + text[off(edit.range.end) :]
    return text


async def _rename(client: LanguageClient, uri: str, at: types.Position, new: str) -> str:
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(types.TextDocumentIdentifier(uri), at)
    )
    assert prepared is not None
    result = await client.text_document_rename_async(
        types.RenameParams(types.TextDocumentIdentifier(uri), at, new)
    )
    assert result is not None
    assert result.changes is not None
    return _apply(PROGRAM, list(result.changes[uri]))


@pytest.mark.parametrize(
    ("at", "new", "old_token", "new_token"),
    [
        ((4, 3), "total", "%sum", "%total"),
        ((2, 20), "twice_it", "@twice", "@twice_it"),
        ((11, 2), "done", "^exit", "^done"),
        ((1, 1), "scale", "#map", "#scale"),
    ],
)
async def test_rename_changes_only_the_names(
    client: LanguageClient, at: tuple[int, int], new: str, old_token: str, new_token: str
) -> None:
    uri = uri_in(client, f"rename_{new}.mlir")
    assert (
        await open_doc(
            client,
            uri,
            PROGRAM.replace(
                "#map = affine_map<(d0) -> (d0 * 2)>\n", "#map = affine_map<(d0) -> (d0 * 2)>\n"
            ),
        )
        == []
    )
    renamed = await _rename(client, uri, pos(*at), new)
    # the comment that mentions %sum is untouched: only real occurrences change
    assert "// %sum stays in this comment" in renamed
    pattern = re.escape(old_token) + r"(?![\w$.])"
    expected = re.sub(pattern, new_token, PROGRAM.replace("// %sum stays", "// KEEP stays"))
    assert renamed.replace("// %sum stays", "// KEEP stays") == expected
    check = uri_in(client, f"renamed_{new}.mlir")
    assert await open_doc(client, check, renamed) == []


async def test_rename_rejects_a_clash_and_a_bad_name(client: LanguageClient) -> None:
    uri = uri_in(client, "clash.mlir")
    await open_doc(client, uri, PROGRAM)
    with pytest.raises(Exception, match="already defined"):
        await client.text_document_rename_async(
            types.RenameParams(types.TextDocumentIdentifier(uri), pos(9, 3), "a")
        )
    with pytest.raises(Exception, match="not a valid"):
        await client.text_document_rename_async(
            types.RenameParams(types.TextDocumentIdentifier(uri), pos(9, 3), "has space")
        )


async def test_semantic_tokens_and_folding(client: LanguageClient) -> None:
    uri = uri_in(client, "tokens.mlir")
    await open_doc(client, uri, PROGRAM)
    tokens = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(types.TextDocumentIdentifier(uri))
    )
    assert tokens is not None
    data = tokens.data
    assert len(data) % 5 == 0
    assert len(data) > 40
    decoded, line, col = [], 0, 0
    for i in range(0, len(data), 5):
        dl, dc, length, kind, _ = data[i : i + 5]
        line = line + dl
        col = col + dc if dl == 0 else dc
        decoded.append((line, col, length, kind))
    text_lines = PROGRAM.splitlines()
    words = {text_lines[ln][c : c + n] for ln, c, n, _ in decoded}
    assert {"%sum", "@twice", "^exit", "addi", "arith", "// helpers", "#map"} <= words
    ranged = await client.text_document_semantic_tokens_range_async(
        types.SemanticTokensRangeParams(types.TextDocumentIdentifier(uri), rng((8, 0), (13, 0)))
    )
    assert ranged is not None
    assert 0 < len(ranged.data) < len(data)
    folds = await client.text_document_folding_range_async(
        types.FoldingRangeParams(types.TextDocumentIdentifier(uri))
    )
    assert {(f.start_line, f.end_line) for f in folds or []} >= {(2, 5), (8, 12)}


async def test_code_lens_and_custom_requests(client: LanguageClient) -> None:
    uri = uri_in(client, "lower.mlir")
    await open_doc(client, uri, PROGRAM)
    lenses = await client.text_document_code_lens_async(
        types.CodeLensParams(types.TextDocumentIdentifier(uri))
    )
    titles = [lens.command.title for lens in lenses or [] if lens.command]
    assert titles.count("Run cleanup") == 2
    assert titles.count("Open in ir-studio TUI") == 2
    passes = await client.protocol.send_request_async("irStudio/passes", {})
    assert "canonicalize" in passes.passes
    assert "toy-to-llvm" in {p.name for p in passes.pipelines}
    lowered = await client.protocol.send_request_async(
        "irStudio/lower", {"uri": uri, "pipeline": "cse", "function": "main"}
    )
    assert lowered.error is None
    assert "@main" in lowered.output
    assert "func.func private @twice" not in lowered.output
    assert len(lowered.steps) == 1
    bad = await client.protocol.send_request_async(
        "irStudio/lower", {"uri": uri, "pipeline": "no-such-pass"}
    )
    assert "unknown pass" in bad.error
