// LLVM casts (nneg, overflow flags, vectors), vector element ops and shuffles, vector.insert/
// extract intrinsics, inalloca allocas, zeros of any type, atomic/volatile/invariant loads and
// stores with sync scopes, atomicrmw kinds on vectors, freeze/undef/poison.
func.func @casts(%arg0: i32, %arg1: i64, %arg2: vector<4xi32>, %arg3: vector<4xi64>, %arg4: !llvm.ptr) {
  %0 = llvm.sext %arg0 : i32 to i56
  %1 = llvm.zext %arg0 : i32 to i64
  %2 = llvm.trunc %arg1 : i64 to i56
  %3 = llvm.sext %arg2 : vector<4xi32> to vector<4xi56>
  %5 = llvm.trunc %arg3 : vector<4xi64> to vector<4xi56>
  %6 = llvm.sitofp %arg0 : i32 to f32
  %7 = llvm.uitofp %arg0 : i32 to f32
  %8 = llvm.fptosi %7 : f32 to i32
  %10 = llvm.addrspacecast %arg4 : !llvm.ptr to !llvm.ptr<2>
  %11 = llvm.bitcast %arg1 : i64 to f64
  llvm.return
}
func.func @nneg_casts(%arg0: i32, %arg2: vector<4xi32>) {
  %0 = llvm.zext nneg %arg0 : i32 to i64
  %4 = llvm.zext nneg %arg2 : vector<4xi32> to vector<4xi64>
  %7 = llvm.uitofp nneg %arg0 : i32 to f32
  llvm.return
}
func.func @casts_overflow(%arg1: i64, %arg3: vector<4xi64>) {
  %0 = llvm.trunc %arg1 overflow<nsw> : i64 to i56
  %2 = llvm.trunc %arg1 overflow<nsw, nuw> : i64 to i56
  %4 = llvm.trunc %arg3 overflow<nsw> : vector<4xi64> to vector<4xi56>
  llvm.return
}
func.func @vect(%arg0: vector<4xf32>, %arg1: i32, %arg2: f32, %arg3: vector<2x!llvm.ptr>) {
  %0 = llvm.extractelement %arg0[%arg1 : i32] : vector<4xf32>
  %1 = llvm.insertelement %arg2, %arg0[%arg1 : i32] : vector<4xf32>
  %2 = llvm.shufflevector %arg0, %arg0 [0, 0, 0, 0, 7] : vector<4xf32>
  %3 = llvm.shufflevector %arg3, %arg3 [1, 0] : vector<2x!llvm.ptr>
  %4 = llvm.mlir.constant(dense<1.0> : vector<4xf32>) : vector<4xf32>
  return
}
func.func @scalable_vect(%arg0: vector<[4]xf32>, %arg1: i32, %arg2: f32) {
  %0 = llvm.extractelement %arg0[%arg1 : i32] : vector<[4]xf32>
  %1 = llvm.insertelement %arg2, %arg0[%arg1 : i32] : vector<[4]xf32>
  %2 = llvm.shufflevector %arg0, %arg0 [0, 0, 0, 0] : vector<[4]xf32>
  %3 = llvm.mlir.constant(dense<1.0> : vector<[4]xf32>) : vector<[4]xf32>
  return
}
func.func @mixed_vect(%arg0: vector<8xf32>, %arg1: vector<4xf32>, %arg2: vector<[4]xf32>) {
  %0 = llvm.intr.vector.insert %arg0, %arg2[0] : vector<8xf32> into vector<[4]xf32>
  %3 = llvm.intr.vector.insert %arg1, %arg0[4] : vector<4xf32> into vector<8xf32>
  %4 = llvm.intr.vector.extract %0[0] : vector<8xf32> from vector<[4]xf32>
  return
}
func.func @alloca(%size : i64) {
  llvm.alloca %size x i32 {alignment = 0} : (i64) -> (!llvm.ptr)
  llvm.alloca inalloca %size x i32 {alignment = 8} : (i64) -> (!llvm.ptr)
  llvm.return
}
func.func @zero() {
  %0 = llvm.mlir.zero : !llvm.ptr
  %1 = llvm.mlir.zero : i8
  llvm.return
}
func.func @atomic_load(%ptr : !llvm.ptr, %val : f32, %large_val : i256) {
  %0 = llvm.load %ptr atomic monotonic {alignment = 4 : i64} : !llvm.ptr -> f32
  %1 = llvm.load volatile %ptr atomic syncscope("singlethread") monotonic {alignment = 16 : i64} : !llvm.ptr -> f32
  %2 = llvm.load %ptr atomic monotonic {alignment = 4 : i64} : !llvm.ptr -> i128
  llvm.store %val, %ptr atomic monotonic {alignment = 4 : i64} : f32, !llvm.ptr
  llvm.store volatile %val, %ptr atomic syncscope("singlethread") monotonic {alignment = 16 : i64} : f32, !llvm.ptr
  llvm.store %large_val, %ptr atomic monotonic {alignment = 4 : i64} : i256, !llvm.ptr
  llvm.return
}
func.func @atomicrmw(%ptr : !llvm.ptr, %f32 : f32, %f16_vec : vector<2xf16>) {
  %1 = llvm.atomicrmw volatile fsub %ptr, %f32 syncscope("singlethread") monotonic {alignment = 16 : i64} : !llvm.ptr, f32
  %2 = llvm.atomicrmw fmin %ptr, %f16_vec monotonic : !llvm.ptr, vector<2xf16>
  llvm.return
}
func.func @invariant(%ptr : !llvm.ptr, %val: i32) -> i32 {
  %0 = llvm.load %ptr invariant {alignment = 4 : i64} : !llvm.ptr -> i32
  %1 = llvm.load %ptr invariant_group {alignment = 4 : i64} : !llvm.ptr -> i32
  llvm.store %val, %ptr invariant_group : i32, !llvm.ptr
  func.return %0 : i32
}
func.func @useFreezeOp(%arg0: i32) {
  %0 = llvm.freeze %arg0 : i32
  %1 = llvm.mlir.undef : i8
  %2 = llvm.freeze %1 : i8
  %3 = llvm.mlir.poison : i8
  return
}
llvm.func @pointer_vector_compare(%a: vector<2x!llvm.ptr>) -> vector<2xi1> {
  %0 = llvm.icmp "ne" %a, %a : vector<2x!llvm.ptr>
  llvm.return %0 : vector<2xi1>
}
