"""ir-studio: IDE tooling for MLIR and LLVM IR built on one xDSL-based IR core.

The core (this package, minus ``ir_studio.lsp`` and ``ir_studio.tui``) never imports
Textual, pygls or lsprotocol, so the CLI starts quickly and the front ends stay thin.
"""

__version__ = "0.1.0"
