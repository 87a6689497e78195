"""The TPU-MLIR style path: `top` and `tpu` dialects, W8A16/W4A16 lowering, numerics."""
