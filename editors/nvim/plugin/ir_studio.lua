-- Filetypes for MLIR, Toy and LLVM IR when editors/nvim is on the runtimepath (0.8+).
-- `.ll` is LLVM IR here, not the `lifelines` guess old versions make.
if vim.filetype ~= nil and vim.filetype.add ~= nil then
  vim.filetype.add({ extension = { mlir = 'mlir', toy = 'toy', ll = 'llvm' } })
end
