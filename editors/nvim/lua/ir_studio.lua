-- ir-studio for Neovim 0.7 through 0.11: filetypes for .mlir, .toy and .ll, and one
-- `ir-studio lsp` client per project root.
--
--   require('ir_studio').setup()                       -- uses `ir-studio lsp` on PATH
--   require('ir_studio').setup({ cmd = { '/path/to/venv/bin/ir-studio', 'lsp' } })
--
-- On 0.11 setup() goes through the native `vim.lsp.config` / `vim.lsp.enable` with the
-- defaults of lsp/ir_studio.lua; `vim.lsp.enable('ir_studio')` alone does the same when
-- this folder is on the runtimepath.
local M = {}

local function root_dir(fname)
  local dir = vim.fn.fnamemodify(fname, ':p:h')
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  for _, marker in ipairs({ 'pyproject.toml', 'ir-studio.toml' }) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h')
    end
  end
  return dir
end

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'ir-studio', 'lsp' }
  -- `set filetype=` (not `setf`): on old versions .ll is first taken for `lifelines`.
  vim.cmd([[
    augroup ir_studio_filetypes
      autocmd!
      autocmd BufRead,BufNewFile *.mlir setlocal filetype=mlir
      autocmd BufRead,BufNewFile *.toy setlocal filetype=toy
      autocmd BufRead,BufNewFile *.ll setlocal filetype=llvm
    augroup END
  ]])
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then -- 0.11 and later
    vim.lsp.config('ir_studio', {
      cmd = cmd,
      filetypes = { 'mlir', 'toy', 'llvm' },
      root_markers = { 'ir-studio.toml', 'pyproject.toml', '.git' },
    })
    vim.lsp.enable('ir_studio')
    return
  end
  local clients = {}
  local function start(bufnr)
    local root = root_dir(vim.api.nvim_buf_get_name(bufnr))
    if vim.lsp.start ~= nil then -- 0.8 and later reuse a client per name and root
      vim.lsp.start({ name = 'ir-studio', cmd = cmd, root_dir = root }, { bufnr = bufnr })
      return
    end
    local id = clients[root] -- 0.7: start_client + buf_attach_client
    if id == nil then
      id = vim.lsp.start_client({ name = 'ir-studio', cmd = cmd, root_dir = root })
      clients[root] = id
    end
    vim.lsp.buf_attach_client(bufnr, id)
  end
  vim.api.nvim_create_autocmd('FileType', {
    pattern = { 'mlir', 'toy', 'llvm' },
    callback = function(args)
      start(args.buf)
    end,
  })
end

return M
