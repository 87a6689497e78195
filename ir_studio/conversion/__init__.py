"""MLIR-style dialect conversion: targets, type converters, patterns, partial and full modes."""
