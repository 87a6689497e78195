"""initialized: load the workspace's custom dialects (ir-studio.toml or pyproject.toml
`[tool.ir-studio]`) before any document is built. A broken entry is a diagnostic on the
configuration file and a warning message; everything else keeps working."""

from __future__ import annotations

from pathlib import Path

from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types
from pygls.uris import from_fs_path

from ir_studio.workspace_dialects import load_workspace_dialects


def initialized(ls: IRStudioServer, params: types.InitializedParams) -> None:
    root = ls.workspace.root_path
    loaded = load_workspace_dialects(Path(root) if root else None)
    ls.store.context = loaded.context
    if loaded.config is None:
        return
    uri = from_fs_path(str(loaded.config)) or ""
    diagnostics = [
        types.Diagnostic(
            range=types.Range(types.Position(p.line, 0), types.Position(p.line + 1, 0)),
            message=p.message,
            severity=types.DiagnosticSeverity.Error,
            source="ir-studio",
        )
        for p in loaded.problems
    ]
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diagnostics))
    if loaded.problems:
        ls.window_show_message(
            types.ShowMessageParams(
                types.MessageType.Warning,
                f"ir-studio: {len(loaded.problems)} custom dialect entr"
                f"{'y' if len(loaded.problems) == 1 else 'ies'} in {loaded.config.name} could not "
                "be loaded; see its diagnostics",
            )
        )


FEATURES = [(types.INITIALIZED, initialized, None)]
