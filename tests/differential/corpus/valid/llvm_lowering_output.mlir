llvm.func @lowered(%p: !llvm.ptr, %i: i64, %f: f32, %v: vector<4xf32>, %w: vector<4xi32>, %c: vector<4xi1>) -> f32 {
  %0 = llvm.mlir.poison : !llvm.struct<(ptr, ptr, i64)>
  %1 = llvm.insertvalue %p, %0[0] : !llvm.struct<(ptr, ptr, i64)>
  %2 = llvm.getelementptr inbounds|nuw %p[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  %3 = llvm.getelementptr nusw %2[1] : (!llvm.ptr) -> !llvm.ptr, f32
  %4 = llvm.fptosi %f : f32 to i32
  %5 = llvm.uitofp %4 : i32 to f32
  %6 = llvm.extractelement %v[%i : i64] : vector<4xf32>
  %7 = llvm.atomicrmw fadd %p, %6 monotonic : !llvm.ptr, f32
  %8 = llvm.intr.smax(%4, %4) : (i32, i32) -> i32
  %9 = llvm.intr.roundeven(%7) : (f32) -> f32
  %10 = "llvm.intr.ctlz"(%4) <{is_zero_poison = false}> : (i32) -> i32
  %11 = "llvm.intr.vector.reduce.add"(%w) : (vector<4xi32>) -> i32
  "llvm.intr.memcpy"(%p, %3, %i) <{isVolatile = false}> : (!llvm.ptr, !llvm.ptr, i64) -> ()
  %12 = llvm.select %c, %v, %v : vector<4xi1>, vector<4xf32>
  llvm.return %9 : f32
}
