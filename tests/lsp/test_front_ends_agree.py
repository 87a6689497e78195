"""The CLI, the language server and the TUI are thin callers of one application layer:
on the same file they report the same diagnostics at the same places, and lowering
with the same pipeline gives the same module. Each inconsistency the three used to have
is checked here through all three front ends."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from ir_studio.tui.app import IRStudioApp, make_app
from pytest_lsp import LanguageClient
from textual.widgets import DataTable

from ir_studio.application.lowering import output_text
from tests.lsp.conftest import uri_in
from tests.lsp.helpers import open_doc

pytestmark = pytest.mark.asyncio(loop_scope="module")

SAMPLES = Path(str(resources.files("ir_studio.sample_ir")))
BAD_FILES = {
    "bad.ll": "define i32 @f() {\n  %x = add i32 1, 2\n  ret i32 %y\n}\n",
    "bad.toy": "def main() {\n  var a = [1, 2];\n  print(b);\n}\n",
    "shape.toy": "def main() {\n  var a = [1, 2];\n  var b = [1, 2, 3];\n  print(a + b);\n}\n",
    "bad.mlir": "func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %zz : i32\n  return %0 : i32\n}\n",
}
DUPLICATES = """func.func @main(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
"""
_HEADER = re.compile(r"^(.*):(\d+):(\d+): (error|warning): (.*)$")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-P", "-m", "ir_studio", *args], capture_output=True,
                          text=True, timeout=300, check=False)


async def tui(path: Path, pipeline: str | None = None) -> IRStudioApp:
    """The app after loading `path` and running its pipeline (its model stays readable
    after the pilot exits)."""
    app = make_app(str(path), pipeline, show_timings=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.query_one("#diagnostics", DataTable)
        app.diagnostic_rows = [  # type: ignore[attr-defined]
            tuple(table.get_row_at(i)) for i in range(table.row_count)]
        await pilot.pause()
        app.pipeline_accepted = not app.query_one("#pipeline").has_class("invalid")  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
    return app


@pytest.mark.parametrize("name", sorted(BAD_FILES))
async def test_check_the_editor_and_the_tui_report_the_same_places(
    client: LanguageClient, name: str
) -> None:
    """`check x.ll` used to reject valid LLVM IR ("unknown operation 'define'") and
    `check x.toy` missed shape errors the editor showed."""
    path = Path(client.root) / name  # type: ignore[attr-defined]
    path.write_text(BAD_FILES[name])
    checked = cli("check", str(path))
    assert checked.returncode == 1
    from_cli = [m.group(2, 3, 5) for line in checked.stderr.splitlines()
                if (m := _HEADER.match(line))]
    language = {"ll": "llvm", "toy": "toy", "mlir": "mlir"}[name.rsplit(".", 1)[1]]
    published = await open_doc(client, uri_in(client, name), BAD_FILES[name], language=language)
    from_server = [(str(d.range.start.line + 1), str(d.range.start.character + 1), d.message)
                   for d in published]
    app = await tui(path)
    from_tui = [(str(r[0]), str(r[1]), r[3]) for r in app.diagnostic_rows]  # type: ignore[attr-defined]
    assert from_cli
    assert from_cli == from_server == from_tui
    assert "unknown operation 'define'" not in checked.stderr


@pytest.mark.parametrize(("source", "spec"), [
    ("dup.mlir", "canonicalize,cse"),
    ("dup.mlir", "cleanup"),
    ("glm_block_cache.mlir", "tpu-w8a16"),
])
async def test_lowering_gives_one_result_through_all_three(
    client: LanguageClient, source: str, spec: str
) -> None:
    """Any pass or named pipeline is a pipeline everywhere (`lower --pipeline tpu-w8a16`
    used to say "unknown pipeline"), and the server's `irStudio/lower` is the same lowering
    as `ir-studio lower` and the TUI's pass list, not a second implementation."""
    root = Path(client.root)  # type: ignore[attr-defined]
    path = root / source
    if source == "dup.mlir":
        path.write_text(DUPLICATES)
    else:
        shutil.copy(SAMPLES / "tpu" / source, path)
    lowered = cli("lower", str(path), "--pipeline", spec)
    assert lowered.returncode == 0, lowered.stderr
    uri = uri_in(client, source)
    assert [d for d in await open_doc(client, uri, path.read_text()) if d.severity == 1] == []
    reply = await client.protocol.send_request_async("irStudio/lower",
                                                     {"uri": uri, "pipeline": spec})
    assert reply.error is None
    app = await tui(path, spec)
    assert app.pipeline == spec
    final = app.steps[-1].snapshot
    assert final is not None
    # TPU graphs keep their locations (they name the weights), the same in all three
    assert lowered.stdout == reply.output == output_text(final.module)
    # `pass` is a Python keyword: pygls renames that field, so read it by position.
    assert [s.name for s in app.steps[1:]] == [next(iter(s)) for s in reply.steps]
    assert [s.changed for s in app.steps[1:]] == [s.changed for s in reply.steps]
    assert app.pipeline_accepted  # type: ignore[attr-defined]


async def test_a_bad_pipeline_is_the_same_error_everywhere(client: LanguageClient) -> None:
    root = Path(client.root)  # type: ignore[attr-defined]
    path = root / "dup2.mlir"
    path.write_text(DUPLICATES)
    lowered = cli("lower", str(path), "--pipeline", "clenup")
    assert lowered.returncode == 2
    message = lowered.stderr.removeprefix("ir-studio: error: ").strip()
    assert message.startswith("unknown pass or pipeline 'clenup'; did you mean cleanup")
    uri = uri_in(client, "dup2.mlir")
    await open_doc(client, uri, DUPLICATES)
    reply = await client.protocol.send_request_async("irStudio/lower",
                                                     {"uri": uri, "pipeline": "clenup"})
    assert reply.error == message
    from ir_studio.session import check_pipeline

    assert check_pipeline("clenup") == message


@pytest.mark.parametrize(("source", "spec"), [
    ("toy/ch5_affine.toy", "toy-to-affine"),
    ("toy/ch6_llvm.toy", "toy-opt"),
])
async def test_a_toy_file_lowers_the_same_in_the_server_and_the_cli(
    client: LanguageClient, source: str, spec: str
) -> None:
    """The server lowers what the language loads (a Toy program's IR), not only MLIR
    documents: `irStudio/lower` on a `.toy` file used to answer "nothing to lower"."""
    root = Path(client.root)  # type: ignore[attr-defined]
    path = root / Path(source).name
    shutil.copy(SAMPLES / source, path)
    lowered = cli("lower", str(path), "--pipeline", spec)
    assert lowered.returncode == 0, lowered.stderr
    uri = uri_in(client, path.name)
    await open_doc(client, uri, path.read_text())
    reply = await client.protocol.send_request_async("irStudio/lower",
                                                     {"uri": uri, "pipeline": spec})
    assert reply.error is None
    assert reply.output == lowered.stdout
    assert "affine.for" in reply.output or spec == "toy-opt"


async def test_llvm_ir_is_refused_with_the_clis_words(client: LanguageClient) -> None:
    root = Path(client.root)  # type: ignore[attr-defined]
    path = root / "f.ll"
    path.write_text("define i32 @f(i32 %a) {\n  ret i32 %a\n}\n")
    lowered = cli("lower", str(path), "--pipeline", "cse")
    uri = uri_in(client, "f.ll")
    await open_doc(client, uri, path.read_text())
    reply = await client.protocol.send_request_async("irStudio/lower",
                                                     {"uri": uri, "pipeline": "cse"})
    assert reply.output is None
    assert reply.error == "f.ll is LLVM IR: there is no MLIR to lower"
    assert reply.error in lowered.stderr
