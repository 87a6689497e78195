"""The MLIR Toy tutorial (Ch1-Ch7) on the IR core: frontend, dialect, passes, execution."""
