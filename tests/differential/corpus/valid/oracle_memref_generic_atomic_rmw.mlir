// A pure body computing the new value from the old one.
func.func @saturating_add(%m: memref<16xi32>, %i: index, %v: i32) -> i32 {
  %old = memref.generic_atomic_rmw %m[%i] : memref<16xi32> {
  ^bb0(%current: i32):
    %limit = arith.constant 1000 : i32
    %sum = arith.addi %current, %v : i32
    %clamped = arith.minsi %sum, %limit : i32
    memref.atomic_yield %clamped : i32
  }
  return %old : i32
}
