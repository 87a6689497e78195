"""The ir-studio language server (`ir_studio.lsp`); built in the LSP issue."""
