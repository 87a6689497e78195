"""Benchmark of the language server over stdio (not a test: figures go to the README).

    PYTHONSAFEPATH=1 python benchmarks/lsp.py [--repeat N] [--out benchmarks/out/lsp.json]

Drives `ir-studio lsp` (and mlir-lsp-server from LLVM 22 in the same run when it is
installed) on the two standard inputs: open -> the error of a file whose last op is
wrong, open -> first diagnostics, hover / definition / references / highlight, one-line
edit -> diagnostics in the 500-function file, edits inside the 20,000-op function (a
valid swap and a one-character error, each on an op not edited before, so every text is
new: no per-text cache can answer), completion after `%` deep in the 20,000-op function
(time and reply size), and resident memory with both files open (the server and its
build worker). Medians of N. The opens of the broken files are measured apart, the
servers taking turns: ir-studio, ir-studio with its build worker turned off, and
mlir-lsp-server, OPENS times each (ratios under the same load).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from inputs_gen import write_inputs  # noqa: E402
from lsp_client import StdioClient  # noqa: E402

MLIR_LSP = Path("/usr/lib/llvm-22/bin/mlir-lsp-server")
OPENS = 5
"""Opens of each file with its last op broken (a median of these)."""
WARM_UP_PAUSE = 2.0
"""Seconds between `initialized` and the first open."""
IR_STUDIO = [sys.executable, "-P", "-m", "ir_studio.lsp"]


def _doc(uri: str) -> dict[str, str]:
    return {"uri": uri}


def _pos(line: int, character: int) -> dict[str, int]:
    return {"line": line, "character": character}


def _change(full_sync: bool, lines: list[str], line: int, new_line: str) -> dict[str, Any]:
    """One line replaced: as a range edit, or as the whole new text for servers that
    treat every change as the whole document (mlir-lsp-server)."""
    if full_sync:
        return {"text": "\n".join([*lines[:line], new_line, *lines[line + 1 :]])}
    return {"range": {"start": _pos(line, 0), "end": _pos(line, len(lines[line]))},
            "text": new_line}


def _edit(client: StdioClient, uri: str, version: int, change: dict[str, Any],
          want_error: bool | None = None) -> float:
    """Seconds from sending the change to the diagnostics of that version (and, when
    `want_error` says so, to diagnostics that do or do not contain an error)."""
    client.drain()
    start = client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
    return client.wait_diagnostics(uri, version, want_error) - start


def _open_error(client: StdioClient, uri: str, text: str, line: int) -> float:
    """Open a text whose only error is on its last op (`line`): seconds until that
    error is published (an early empty or partial publish does not count), checked to
    be the only error and on that line; the document is closed afterwards."""
    client.drain()
    start = client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "mlir", "version": 1, "text": text}})
    seconds = client.wait_diagnostics(uri, None, want_error=True) - start
    errors = [d for d in client.last_diagnostics if d.get("severity", 1) == 1]
    if [d["range"]["start"]["line"] for d in errors] != [line]:
        raise SystemExit(f"{uri}: expected one error on line {line + 1}, got {errors}")
    client.notify("textDocument/didClose", {"textDocument": _doc(uri)})
    return seconds


def _break_last_op(text: str) -> tuple[str, int]:
    """The text with a type error on its last op, and that op's line."""
    lines = text.split("\n")
    last = max(i for i, line in enumerate(lines) if "arith." in line)
    lines[last] = lines[last].replace(": i32", ": i64", 1)  # a type error on the last op
    return "\n".join(lines), last


def measure_opens(clients: dict[str, StdioClient], inputs: dict[str, Path],
                  repeat: int) -> dict[str, dict[str, Any]]:
    """Open each file with its last op broken `repeat` times in each server (a new
    document each time, so nothing is cached), taking turns so that every server sees
    the same load: the median and every figure per server."""
    out: dict[str, dict[str, Any]] = {label: {} for label in clients}
    for name in ("chain", "funcs"):
        broken, line = _break_last_op(inputs[name].read_text())
        times: dict[str, list[float]] = {label: [] for label in clients}
        for k in range(repeat):
            uri = inputs[name].with_name(f"{inputs[name].stem}-last-error-{k}.mlir").as_uri()
            for label, client in clients.items():
                times[label].append(_open_error(client, uri, broken, line))
                time.sleep(0.5)  # let the closed document's background work end
        for label, found in times.items():
            out[label][f"open_to_last_line_error_s[{name}]"] = statistics.median(found)
            out[label][f"open_to_last_line_error_all_s[{name}]"] = [round(t, 3) for t in found]
    return out


IDLE_BEFORE_NAVIGATION = 1.0
"""Seconds between the first request after the opens and the navigation medians."""


def _start(command: list[str], env: dict[str, str] | None = None) -> tuple[StdioClient, bool]:
    """A server, initialized, after a pause for its warm-up (an editor starts the
    server a moment before the first file arrives); whether it wants whole texts."""
    client = StdioClient(command, env)
    _, _, init = client.request("initialize", {"processId": None, "rootUri": HERE.as_uri(),
                                               "capabilities": {"textDocument": {
                                                   "documentSymbol": {
                                                       "hierarchicalDocumentSymbolSupport":
                                                           True}}}})
    sync = init["capabilities"].get("textDocumentSync", {})
    full_sync = (sync if isinstance(sync, int) else sync.get("change", 1)) == 1
    client.notify("initialized", {})
    time.sleep(WARM_UP_PAUSE)
    return client, full_sync


def measure(command: list[str], inputs: dict[str, Path], repeat: int) -> dict[str, Any]:
    client, full_sync = _start(command)
    out: dict[str, Any] = {}
    texts = {name: path.read_text() for name, path in inputs.items()}
    uris = {name: path.as_uri() for name, path in inputs.items()}
    for name in ("chain", "funcs"):
        client.drain()
        start = client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uris[name], "languageId": "mlir", "version": 1, "text": texts[name]}})
        first = client.wait_diagnostics(uris[name], 1, complete=False)
        out[f"open_to_first_publish_s[{name}]"] = first - start
        complete = client.wait_diagnostics(uris[name], 1) if client.last_was_partial else first
        out[f"open_to_diagnostics_s[{name}]"] = complete - start
    out["rss_mb_both_open"] = client.rss_mb()
    out["processes"] = 1 + len(client.children())
    # navigation in the middle of each file
    funcs = texts["funcs"].split("\n")
    line = next(i for i in range(len(funcs) // 2, len(funcs)) if "arith.addi" in funcs[i])
    chain_line = len(texts["chain"].split("\n")) // 2
    # The first request right after the opens waits for the file's lookup tables (built
    # once per version, after its diagnostics are out): reported on its own. The
    # medians below are taken once the server's background work for the opens is done.
    out["first_hover_after_open_s[chain]"] = client.request("textDocument/hover", {
        "textDocument": _doc(uris["chain"]), "position": _pos(chain_line, 3)})[0]
    time.sleep(IDLE_BEFORE_NAVIGATION)
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
    # one-line edit in the middle of the 500-function file, a new comment each time
    version = 1
    edits = []
    for _ in range(repeat):
        version += 1
        new_line = funcs[line] + f" // edit {version}"
        edits.append(_edit(client, uris["funcs"], version,
                           _change(full_sync, funcs, line, new_line)))
        funcs[line] = new_line
    out["edit_to_diagnostics_s[funcs]"] = statistics.median(edits)
    # Edits inside the 20,000-op function, each one new (a different op every time):
    # a valid addi -> muli swap, then a one-character error near the end (undone after).
    chain = texts["chain"].split("\n")
    ops = [i for i, text in enumerate(chain) if "arith.addi" in text]
    valid, broken = [], []
    version = 1
    for k in range(repeat):
        swap = ops[len(ops) // 4 + 97 * k]
        version += 1
        new_line = chain[swap].replace("arith.addi", "arith.muli")
        valid.append(_edit(client, uris["chain"], version,
                           _change(full_sync, chain, swap, new_line), want_error=False))
        chain[swap] = new_line
        typo = ops[-3 - 5 * k]
        version += 1
        wrong = chain[typo].replace("arith.addi", "arith.addx")
        broken.append(_edit(client, uris["chain"], version,
                            _change(full_sync, chain, typo, wrong), want_error=True))
        version += 1
        _edit(client, uris["chain"], version, _change(full_sync, chain, typo, chain[typo]))
    out["edit_valid_swap_to_diagnostics_s[chain]"] = statistics.median(valid)
    out["edit_valid_swap_worst_s[chain]"] = max(valid)
    out["edit_one_char_error_to_diagnostics_s[chain]"] = statistics.median(broken)
    out["edit_one_char_error_worst_s[chain]"] = max(broken)
    # completion after `%` at the end of the 20,000-op function: `  return %`
    target = next(i for i in range(len(chain) - 1, 0, -1) if chain[i].startswith("  return"))
    edited = "  return %"
    version += 1
    _edit(client, uris["chain"], version, _change(full_sync, chain, target, edited))
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
    parser.add_argument("--opens-only", action="store_true",
                        help="only the opens of the broken files (about 40 s)")
    args = parser.parse_args()
    inputs = write_inputs(HERE / "inputs")
    results: dict[str, Any] = {} if args.opens_only else {
        "ir-studio": measure(IR_STUDIO, inputs, args.repeat),
        "targets": {"edit_to_diagnostics_s[funcs]": 0.060, "hover/definition/references": 0.003,
                    "edit_*_to_diagnostics_s[chain]": 0.100,
                    "completion_percent_s[chain]": 0.050, "completion_percent_reply_kb": 100,
                    "open_to_last_line_error_s": "10x mlir-lsp-server",
                    "open_to_diagnostics_s": 1.5, "rss_mb_both_open": 400},
    }
    if MLIR_LSP.exists() and not args.opens_only:
        results["mlir-lsp-server"] = measure([str(MLIR_LSP)], inputs, args.repeat)
    results["load_average"] = os.getloadavg()
    # Opens of the broken files, the servers taking turns (own sessions, so the
    # memory figures above stay those of one open per file), with ir-studio's build
    # worker turned off in a third server: what the second process buys.
    clients = {"ir-studio": _start(IR_STUDIO)[0],
               "ir-studio (one process)": _start(
                   IR_STUDIO, {**os.environ, "IR_STUDIO_BUILD_WORKER": "0"})[0]}
    if MLIR_LSP.exists():
        clients["mlir-lsp-server"] = _start([str(MLIR_LSP)])[0]
    opens = measure_opens(clients, inputs, OPENS)
    for client in clients.values():
        client.close()
    results["opens"] = opens
    results["load_average_after"] = os.getloadavg()
    base = opens.get("mlir-lsp-server", {})
    for name in ("chain", "funcs"):
        key = f"open_to_last_line_error_s[{name}]"
        if key in base:
            results.setdefault("ratios", {})[key] = {
                label: round(opens[label][key] / base[key], 1)
                for label in ("ir-studio", "ir-studio (one process)")}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
