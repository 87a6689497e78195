"""Benchmark of the language server over stdio (not a test: figures go to the README).

    PYTHONSAFEPATH=1 python benchmarks/lsp.py [--repeat N] [--out benchmarks/out/lsp.json]

Drives `ir-studio lsp` (and mlir-lsp-server from LLVM 22 in the same run when it is
installed) on the two standard inputs: open -> first diagnostics, one-line edit ->
diagnostics in the 500-function file, hover / definition / references / highlight,
completion after `%` deep in the 20,000-op function (time and reply size), and resident
memory with both files open. Medians of N.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from inputs_gen import write_inputs  # noqa: E402
from lsp_client import StdioClient  # noqa: E402

MLIR_LSP = Path("/usr/lib/llvm-22/bin/mlir-lsp-server")


def _doc(uri: str) -> dict[str, str]:
    return {"uri": uri}


def _pos(line: int, character: int) -> dict[str, int]:
    return {"line": line, "character": character}


def measure(command: list[str], inputs: dict[str, Path], repeat: int) -> dict[str, Any]:
    client = StdioClient(command)
    root = HERE.as_uri()
    _, _, init = client.request("initialize", {"processId": None, "rootUri": root, "capabilities": {
        "textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": True}}}})
    sync = init["capabilities"].get("textDocumentSync", {})
    full_sync = (sync if isinstance(sync, int) else sync.get("change", 1)) == 1
    client.notify("initialized", {})
    out: dict[str, Any] = {}
    texts = {name: path.read_text() for name, path in inputs.items()}
    uris = {name: path.as_uri() for name, path in inputs.items()}
    for name in ("chain", "funcs"):
        start = client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uris[name], "languageId": "mlir", "version": 1, "text": texts[name]}})
        out[f"open_to_diagnostics_s[{name}]"] = client.wait_diagnostics(uris[name], 1) - start
    out["rss_mb_both_open"] = client.rss_mb()
    # one-line edit in the middle of the 500-function file
    funcs = texts["funcs"].split("\n")
    line = next(i for i in range(len(funcs) // 2, len(funcs)) if "arith.addi" in funcs[i])
    edits = []
    for version in range(2, 2 + repeat):
        client.drain()
        edit = f" // edit {version}"
        if full_sync:  # mlir-lsp-server takes each change's text as the whole document
            whole = "\n".join([*funcs[:line], funcs[line] + edit, *funcs[line + 1 :]])
            change: dict[str, Any] = {"text": whole}
        else:
            at = _pos(line, len(funcs[line]))
            change = {"range": {"start": at, "end": at}, "text": edit}
        start = client.notify("textDocument/didChange", {
            "textDocument": {"uri": uris["funcs"], "version": version},
            "contentChanges": [change]})
        edits.append(client.wait_diagnostics(uris["funcs"], version) - start)
    out["edit_to_diagnostics_s[funcs]"] = statistics.median(edits)
    # navigation in the middle of each file
    chain_line = len(texts["chain"].split("\n")) // 2
    for name, at in (("chain", _pos(chain_line, 3)), ("funcs", _pos(line, 3))):
        params = {"textDocument": _doc(uris[name]), "position": at}
        for method in ("textDocument/hover", "textDocument/definition",
                       "textDocument/references", "textDocument/documentHighlight"):
            extra = {"context": {"includeDeclaration": True}} if "references" in method else {}
            times = []
            for _ in range(repeat):
                seconds, _, result = client.request(method, {**params, **extra})
                times.append(seconds)
            key = method.split("/")[1]
            out[f"{key}_s[{name}]"] = statistics.median(times)
            if result is None and key == "documentHighlight":
                out[f"{key}_s[{name}]"] = None
    # completion after `%` at the end of the 20,000-op function: `  return %`
    chain = texts["chain"].split("\n")
    target = next(i for i in range(len(chain) - 1, 0, -1) if chain[i].startswith("  return"))
    edited = "  return %"
    if full_sync:
        change = {"text": "\n".join([*chain[:target], edited, *chain[target + 1 :]])}
    else:
        change = {"range": {"start": _pos(target, 0), "end": _pos(target, len(chain[target]))},
                  "text": edited}
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uris["chain"], "version": 50}, "contentChanges": [change]})
    client.wait_diagnostics(uris["chain"], 50)
    client.drain()
    times, sizes = [], []
    for _ in range(repeat):
        seconds, size, result = client.request("textDocument/completion", {
            "textDocument": _doc(uris["chain"]), "position": _pos(target, len(edited))})
        times.append(seconds)
        sizes.append(size)
    out["completion_percent_s[chain]"] = statistics.median(times)
    out["completion_percent_reply_kb[chain]"] = statistics.median(sizes) / 1024
    items = result.get("items", result) if isinstance(result, dict) else result
    out["completion_percent_items[chain]"] = len(items or [])
    out["rss_mb_end"] = client.rss_mb()
    client.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "lsp.json")
    args = parser.parse_args()
    inputs = write_inputs(HERE / "inputs")
    results: dict[str, Any] = {
        "ir-studio": measure([sys.executable, "-P", "-m", "ir_studio.lsp"], inputs, args.repeat),
        "targets": {"edit_to_diagnostics_s[funcs]": 0.060, "hover/definition/references": 0.010,
                    "completion_percent_s[chain]": 0.100, "completion_percent_reply_kb": 200,
                    "open_to_diagnostics_s[chain]": 1.5, "rss_mb_both_open": 400},
    }
    if MLIR_LSP.exists():
        results["mlir-lsp-server"] = measure([str(MLIR_LSP)], inputs, args.repeat)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
