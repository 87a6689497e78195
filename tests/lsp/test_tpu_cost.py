"""The chip's cost in the editor: inlay hints per op, a code lens per function with the
total per mode, hover on A16 matmuls with their quantisation and kernel steps."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from ir_studio.printing import print_ir
from ir_studio.tpu.files import parse_module
from ir_studio.tpu.lowering import lower_to_tpu
from tests.lsp.conftest import uri_in
from tests.lsp.helpers import change, open_doc, pos, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")

SAMPLE = Path(str(resources.files("ir_studio.sample_ir").joinpath("tpu"))) / "glm_block_cache.mlir"
HINT = re.compile(r"^\d+(\.\d+)? (µs|ms|s) · (GDMA|BDC)-bound · \d+(\.\d+)? (B|KiB|MiB)$")
LENS = re.compile(r"^F16 \S+ (µs|ms) · W8A16 \S+ (µs|ms) · W4A16 \S+ (µs|ms)$")


def _whole(text: str) -> types.Range:
    return rng((0, 0), (text.count("\n") + 1, 0))


async def _hints(client: LanguageClient, uri: str, text: str) -> list[types.InlayHint]:
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(types.TextDocumentIdentifier(uri), _whole(text))
    )
    return [h for h in hints or [] if isinstance(h.label, str) and HINT.match(h.label)]


def _line_of(text: str, needle: str) -> tuple[int, int]:
    for number, line in enumerate(text.splitlines()):
        if needle in line:
            return number, line.index(needle)
    raise AssertionError(needle)


async def test_each_op_of_a_top_graph_shows_its_simulated_cost(client: LanguageClient) -> None:
    text = SAMPLE.read_text()
    uri = uri_in(client, "glm_block_cache.mlir")
    await open_doc(client, uri, text)
    hints = await _hints(client, uri, text)
    lines = {h.position.line for h in hints}
    qkv_line, _ = _line_of(text, '"top.MatMul"(')
    assert qkv_line in lines
    assert len(hints) >= 20
    on_qkv = next(h for h in hints if h.position.line == qkv_line)
    assert on_qkv.position.character == len(text.splitlines()[qkv_line])  # after the op
    lenses = await client.text_document_code_lens_async(
        types.CodeLensParams(types.TextDocumentIdentifier(uri))
    )
    cost = [lens for lens in lenses or [] if lens.command and LENS.match(lens.command.title)]
    assert len(cost) == 1
    assert cost[0].command is not None
    assert cost[0].command.command == "irStudio.openTui"
    assert list(cost[0].command.arguments or [])[:2] == [uri, "main"]
    line, column = _line_of(text, '"top.MatMul"(')
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), pos(line, column + 2))
    )
    assert hover is not None
    value = hover.contents.value  # type: ignore[union-attr]
    assert "**W8A16**: 8-bit weights, per channel" in value
    assert "scales `384x1` f16, zero points `none`" in value
    assert "saved (50%)" in value
    assert "5. matmul + store:" in value


async def test_a_lowered_w4_graph_hovers_its_groups_and_zero_points(
    client: LanguageClient,
) -> None:
    module, _ = parse_module(SAMPLE.read_text(), "x.mlir")
    assert module is not None
    text = print_ir(lower_to_tpu(module, "w4a16", 64, None).module, debuginfo=True)
    uri = uri_in(client, "lowered_w4.mlir")
    await open_doc(client, uri, text)
    line, column = _line_of(text, '"tpu.A16MatMul"(')
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), pos(line, column + 3))
    )
    assert hover is not None
    value = hover.contents.value  # type: ignore[union-attr]
    assert "**W4A16**: 4-bit weights, groups of 64 along K" in value
    assert "zero points `384x4`" in value
    assert "3. cast to f16:" in value
    hints = await _hints(client, uri, text)
    assert any(h.position.line == line for h in hints)
    lenses = await client.text_document_code_lens_async(
        types.CodeLensParams(types.TextDocumentIdentifier(uri))
    )
    titles = [lens.command.title for lens in lenses or [] if lens.command]
    assert any(re.fullmatch(r"W4A16 \S+ (µs|ms)", t) for t in titles)  # its own mode only


async def test_no_cost_on_plain_mlir_or_on_a_broken_graph(client: LanguageClient) -> None:
    plain = "func.func @f(%a: i32) -> i32 {\n  return %a : i32\n}\n"
    uri = uri_in(client, "plain.mlir")
    await open_doc(client, uri, plain)
    assert await _hints(client, uri, plain) == []
    text = SAMPLE.read_text()
    tpu = uri_in(client, "broken.mlir")
    await open_doc(client, tpu, text)
    assert await _hints(client, tpu, text)
    line, column = _line_of(text, '"top.MatMul"(')
    diagnostics = await change(client, tpu, [(rng((line, column), (line, column + 1)), "")])
    assert diagnostics  # the edit broke the op: no figures for this version
    broken = text.splitlines(keepends=True)
    broken[line] = broken[line][:column] + broken[line][column + 1 :]
    assert await _hints(client, tpu, "".join(broken)) == []
