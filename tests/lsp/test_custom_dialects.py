"""Custom dialects per workspace (Python and IRDL), a broken entry as a diagnostic, and
custom syntax of an unregistered dialect as a warning that leaves the rest working."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from tests.lsp.conftest import SERVER, _record_versions
from tests.lsp.helpers import open_doc, pos

pytestmark = pytest.mark.asyncio(loop_scope="module")

PY_DIALECT = '''
from xdsl.dialects.builtin import i32
from xdsl.ir import Dialect
from xdsl.irdl import IRDLOperation, irdl_op_definition, operand_def, result_def


@irdl_op_definition
class DoubleOp(IRDLOperation):
    """Doubles an i32: a dialect that lives in the user's workspace."""

    name = "mine.double"
    x = operand_def(i32)
    r = result_def(i32)
    assembly_format = "$x attr-dict"


Mine = Dialect("mine", [DoubleOp], [])
'''

IRDL = """\
irdl.dialect @mymath {
  irdl.operation @norm {
    %0 = irdl.any
    irdl.operands(in: %0)
    irdl.results(out: %0)
  }
}
"""

CONFIG = """\
[tool.ir-studio]
dialects = ["wsdialects.mine:Mine"]
irdl = ["dialects/mymath.irdl.mlir"]
broken = 1
"""


@pytest_lsp.fixture(config=SERVER, scope="module")
async def ws_client(lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("custom")
    (root / "wsdialects").mkdir()
    (root / "wsdialects" / "__init__.py").write_text("")
    (root / "wsdialects" / "mine.py").write_text(PY_DIALECT)
    (root / "dialects").mkdir()
    (root / "dialects" / "mymath.irdl.mlir").write_text(IRDL)
    (root / "pyproject.toml").write_text(
        CONFIG.replace(
            'irdl = ["dialects/mymath.irdl.mlir"]',
            'irdl = ["dialects/mymath.irdl.mlir", "dialects/missing.irdl.mlir"]',
        )
    )
    _record_versions(lsp_client)
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri()
        )
    )
    lsp_client.root = root  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def test_workspace_dialects_are_registered(ws_client: LanguageClient) -> None:
    uri = (ws_client.root / "uses.mlir").as_uri()  # type: ignore[attr-defined]
    text = (
        "func.func @f(%a: i32) -> i32 {\n  %b = mine.double %a\n"
        '  %n = "mymath.norm"(%b, %b) : (i32, i32) -> i32\n  return %b : i32\n}\n'
    )
    diagnostics = await open_doc(ws_client, uri, text)
    # mine.double parses with its custom syntax; the IRDL op verifies its operand count
    assert [(d.range.start.line, d.message) for d in diagnostics] == [
        (2, "'mymath.norm' op Expected 1 operand, but got 2")
    ]
    hover = await ws_client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), pos(1, 9))
    )
    assert hover is not None
    assert "a dialect that lives in the user's workspace" in hover.contents.value  # type: ignore[union-attr]


async def test_a_broken_entry_is_a_diagnostic_on_the_config(ws_client: LanguageClient) -> None:
    config = (ws_client.root / "pyproject.toml").as_uri()  # type: ignore[attr-defined]
    published = ws_client.diagnostics.get(config)
    assert published is not None
    assert len(published) == 1
    assert "missing.irdl.mlir" in published[0].message
    assert published[0].range.start.line == 2
    assert any("could not be loaded" in m.message for m in ws_client.messages)


async def test_unregistered_custom_syntax_is_a_warning_and_the_rest_works(
    ws_client: LanguageClient,
) -> None:
    uri = (ws_client.root / "unknown.mlir").as_uri()  # type: ignore[attr-defined]
    text = (
        "func.func @g(%x: i32) -> i32 {\n  %y = nobody.op %x : i32\n  return %y : i32\n}\n"
        "func.func @h(%x: i32) -> i32 {\n  %z = arith.addi %x, %x : i32\n  return %z : i32\n}\n"
    )
    diagnostics = await open_doc(ws_client, uri, text)
    assert [d.severity for d in diagnostics] == [types.DiagnosticSeverity.Warning]
    assert "not registered" in diagnostics[0].message
    definition = await ws_client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(uri), pos(6, 10))
    )
    assert isinstance(definition, list)
    assert [d.range.start for d in definition] == [pos(5, 2)]  # type: ignore[union-attr]
