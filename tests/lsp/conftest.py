"""A real ir-studio server over stdio, driven by pytest-lsp with real client profiles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = ClientServerConfig(server_command=[sys.executable, "-P", "-m", "ir_studio.lsp"])
PROFILES = ["neovim", "visual-studio-code"]


@pytest_lsp.fixture(config=SERVER, params=PROFILES, scope="module")
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest, tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(root.as_uri(), "workspace")],
        )
    )
    lsp_client.root = root  # type: ignore[attr-defined]
    lsp_client.init_result = result  # type: ignore[attr-defined]
    _record_versions(lsp_client)
    yield
    await lsp_client.shutdown_session()


def uri_in(client: LanguageClient, name: str) -> str:
    return (Path(client.root) / name).as_uri()  # type: ignore[attr-defined]


def _record_versions(lsp_client: LanguageClient) -> None:
    """Keep the version of each publishDiagnostics, so tests wait for the right one."""
    features = lsp_client.protocol.fm.features
    original = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]
    versions: dict[str, int | None] = {}
    lsp_client.diagnostic_versions = versions  # type: ignore[attr-defined]

    def record(params: types.PublishDiagnosticsParams) -> None:
        versions[params.uri] = params.version
        original(params)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
