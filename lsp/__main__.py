"""`python -m ir_studio.lsp`: the language server on stdio (see `ir-studio lsp --help`)."""

from __future__ import annotations

import sys

from ir_studio.lsp.server import main

sys.exit(main())
