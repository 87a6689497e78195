"""A real headless Neovim with editors/nvim/ir_studio.lua: diagnostics and a hover arrive
from the server (skips when nvim is missing; `.ci/run` installs Debian's neovim)."""

from __future__ import annotations

import json
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

SCRIPT = """
package.path = '{editors}/?.lua;' .. package.path
require('ir_studio').setup({{ cmd = {{ '{python}', '-P', '-m', 'ir_studio', 'lsp' }} }})
vim.cmd('edit {file}')
local got = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local diagnostics = {{}}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(diagnostics, {{ line = d.lnum, col = d.col, message = d.message }})
end
vim.api.nvim_win_set_cursor(0, {{ {row}, 4 }})
local params = vim.lsp.util.make_position_params()
local replies = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 30000) or {{}}
local hover = ''
for _, reply in pairs(replies) do
  if reply.result and reply.result.contents then hover = reply.result.contents.value end
end
vim.fn.writefile({{ vim.fn.json_encode({{ filetype = vim.bo.filetype, got = got,
  diagnostics = diagnostics, hover = hover }}) }}, '{out}')
vim.cmd('qa!')
"""


LL_TEXT = "define i32 @f(i32 %a) {\nentry:\n  %sum = add i32 %a, %a\n  ret i32 %nope\n}\n"


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
)
def test_headless_neovim_gets_diagnostics_and_hover(
    tmp_path: Path,
    suffix: str,
    text: str,
    filetype: str,
    diagnostic: tuple[int, str],
    hover: str,
) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("nvim is not installed (apt-get install neovim; .ci/run installs it)")
    source = tmp_path / f"sample{suffix}"
    source.write_text(text)
    out = tmp_path / "result.json"
    script = tmp_path / "test.lua"
    row = 2 if suffix == ".mlir" else 3
    script.write_text(
        SCRIPT.format(editors=EDITORS, python=sys.executable, file=source, out=out, row=row)
    )
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
