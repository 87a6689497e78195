"""Custom requests and code lenses.

`irStudio/passes` -> `{passes: [...], pipelines: [{name, description, pipeline}]}`.
`irStudio/lower` `{uri, pipeline, function?}` -> `{output, steps: [{pass, changed,
seconds, error, opCounts}], error}`: runs the pipeline on a copy of the document's IR
(or of one function), so an editor can show the result as a virtual document.
Code lens on every function: run a named pipeline on it, open the file in the TUI.
"""

from __future__ import annotations

from typing import Any

from ir_studio.lsp.features import tpu_cost
from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.ide.outline import outline
from ir_studio.languages import language_for

LENS_PIPELINE = "cleanup"


def passes(ls: IRStudioServer, params: Any) -> dict[str, Any]:
    from ir_studio.pass_spec import available_passes
    from ir_studio.transforms import NAMED_PIPELINES

    return {
        "passes": sorted(available_passes()),
        "pipelines": [
            {"name": n, "description": d, "pipeline": p}
            for n, (d, p) in sorted(NAMED_PIPELINES.items())
        ],
    }


def _param(params: Any, name: str) -> Any:
    if isinstance(params, dict):
        return params.get(name)
    return getattr(params, name, None)


async def lower(ls: IRStudioServer, params: Any) -> dict[str, Any]:
    uri = _param(params, "uri")
    pipeline = _param(params, "pipeline") or LENS_PIPELINE
    function = _param(params, "function")
    snapshot = await ls.store.fresh(uri) if uri else None
    if snapshot is None:
        return {"output": None, "steps": [], "error": f"document not open: {uri}"}
    if not snapshot.document.ok:
        return {"output": None, "steps": [], "error": "the document has errors; fix them first"}
    import asyncio

    return await asyncio.get_running_loop().run_in_executor(
        None, _run, uri, snapshot.document, pipeline, function
    )


def _module(uri: str, document: Any) -> Any:
    """The module to lower: the snapshot's own for MLIR (no second parse), otherwise what
    the language loads from the text, as `ir-studio lower` does (a Toy program's IR).
    Returns the error message when there is none."""
    from ir_studio.application import lowerable

    language = language_for(uri)
    if language.id == "mlir":
        module = document.clone_module()
        return module if module is not None else "nothing to lower"
    name = uri.rsplit("/", 1)[-1]
    program = language.load(name, document.text)
    why = lowerable(program)
    return why if why is not None else program.module


def _run(uri: str, document: Any, pipeline: str, function: str | None) -> dict[str, Any]:
    """The application layer's `lower_module`, as `ir-studio lower` and the TUI run it."""
    from ir_studio.application import lower_module

    module = _module(uri, document)
    if isinstance(module, str):
        return {"output": None, "steps": [], "error": module}
    lowering = lower_module(module, pipeline, function=function)
    if lowering.run is None:
        return {"output": None, "steps": [], "error": lowering.error}
    records = [
        {
            "pass": s.pass_name,
            "changed": s.changed,
            "seconds": s.seconds,
            "error": s.error,
            "opCounts": s.op_counts,
        }
        for s in lowering.run.steps
    ]
    return {"output": lowering.output(), "steps": records, "error": lowering.message}


async def code_lens(ls: IRStudioServer, params: types.CodeLensParams) -> list[types.CodeLens]:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None:
        return []
    conv = ls.converter(snapshot)
    lenses: list[types.CodeLens] = []

    def visit(nodes: list) -> None:
        for node in nodes:
            if node.kind == "function":
                where = conv.range(node.selection)
                uri = params.text_document.uri
                lenses.append(
                    types.CodeLens(
                        where,
                        types.Command(
                            title=f"Run {LENS_PIPELINE}",
                            command="irStudio.lower",
                            arguments=[uri, LENS_PIPELINE, node.name],
                        ),
                    )
                )
                lenses.append(
                    types.CodeLens(
                        where,
                        types.Command(
                            title="Open in ir-studio TUI",
                            command="irStudio.openTui",
                            arguments=[uri, node.name],
                        ),
                    )
                )
            visit(node.children)

    visit(outline(snapshot.document))
    for lens in list(lenses):  # the chip's time per mode, for TPU graphs
        if lens.command is not None and lens.command.command == "irStudio.openTui":
            uri, name, *_ = lens.command.arguments or ["", ""]
            lenses += await tpu_cost.code_lenses(ls, snapshot, str(uri), str(name), lens.range)
    return lenses


FEATURES = [
    ("irStudio/passes", passes, None),
    ("irStudio/lower", lower, None),
    (types.TEXT_DOCUMENT_CODE_LENS, code_lens, types.CodeLensOptions(resolve_provider=False)),
]
