"""TextMate grammars for MLIR, LLVM IR and Toy (package data; see the editors issue)."""
