// A buffer declared distinct, then used through the result (with two or more
// operands mlir-opt lowers it to llvm.intr.assume with operand bundles, which the
// pipeline test would then need; tests/core/test_oracle_checks.py reads that form).
func.func @scale(%x: memref<?xf32>, %a: f32, %i: index) {
  %xs = memref.distinct_objects %x : memref<?xf32>
  %xv = memref.load %xs[%i] : memref<?xf32>
  %p = arith.mulf %a, %xv : f32
  memref.store %p, %xs[%i] : memref<?xf32>
  return
}
