"""Open documents and wait for their diagnostics without sleeping."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

_versions: dict[str, int] = {}


async def open_doc(
    client: LanguageClient, uri: str, text: str, language: str = "mlir"
) -> list[types.Diagnostic]:
    _versions[uri] = 1
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    return await wait_diagnostics(client, uri, 1)


async def change(
    client: LanguageClient, uri: str, edits: list[tuple[types.Range, str]]
) -> list[types.Diagnostic]:
    _versions[uri] += 1
    version = _versions[uri]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangePartial(range=r, text=t) for r, t in edits],
        )
    )
    return await wait_diagnostics(client, uri, version)


async def wait_diagnostics(
    client: LanguageClient, uri: str, version: int
) -> list[types.Diagnostic]:
    while True:
        published = client.diagnostics.get(uri)
        if published is not None and client.diagnostic_versions.get(uri) == version:  # type: ignore[attr-defined]
            return list(published)
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def rng(a: tuple[int, int], b: tuple[int, int]) -> types.Range:
    return types.Range(pos(*a), pos(*b))
