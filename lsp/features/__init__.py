"""One module per LSP capability; `ir_studio.lsp.server` registers them all."""
