"""The ir-studio language server (`ir_studio.lsp`): pygls over stdio or TCP.

Handlers in `features/` only translate between LSP and the headless core
(`ir_studio.ide`, `ir_studio.index`); `store.py` owns document snapshots and background
builds; `convert.py` is the only place positions change encoding.
"""
