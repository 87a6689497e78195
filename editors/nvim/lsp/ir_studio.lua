-- Neovim 0.11's native configuration (`:help lsp-config`): with editors/nvim on the
-- runtimepath, `vim.lsp.enable('ir_studio')` starts `ir-studio lsp` for MLIR, Toy and
-- LLVM IR buffers. Override any field with `vim.lsp.config('ir_studio', { ... })`.
return {
  cmd = { 'ir-studio', 'lsp' },
  filetypes = { 'mlir', 'toy', 'llvm' },
  root_markers = { 'ir-studio.toml', 'pyproject.toml', '.git' },
}
