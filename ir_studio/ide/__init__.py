"""Editor features as pure functions of an `IRDocument` and an offset (no LSP types):
the language server translates their results, tests call them directly."""
