"""Running programs: the LLVM JIT, the reference evaluators and step checking."""
