// vector loads and stores on memrefs of vectors, 0-D and scalable vectors, vector.scatter,
// gathers from tensors with 2-D index vectors, reductions on 0-D vectors, 0-D transposes.
func.func @bitcast(%arg2 : vector<16x1x8xi8>) -> vector<16x1x1xindex> {
  %6 = vector.bitcast %arg2 : vector<16x1x8xi8> to vector<16x1x1xindex>
  return %6 : vector<16x1x1xindex>
}
func.func @vector_fma(%a: vector<8xf32>, %b: vector<8x4xf32>, %c: vector<f32>) {
  vector.fma %a, %a, %a : vector<8xf32>
  vector.fma %b, %b, %b : vector<8x4xf32>
  vector.fma %c, %c, %c : vector<f32>
  return
}
func.func @reduce_fp(%arg0: vector<16xf32>, %arg1: f32) -> f32 {
  vector.reduction <add>, %arg0 : vector<16xf32> into f32
  vector.reduction <add>, %arg0, %arg1 : vector<16xf32> into f32
  vector.reduction <minnumf>, %arg0 : vector<16xf32> into f32
  %0 = vector.reduction <maxnumf>, %arg0 : vector<16xf32> into f32
  vector.reduction <minimumf>, %arg0 : vector<16xf32> into f32
  return %0 : f32
}
func.func @reduce_int_0d(%arg0: vector<i32>) -> i32 {
  vector.reduction <add>, %arg0 : vector<i32> into i32
  %0 = vector.reduction <xor>, %arg0 : vector<i32> into i32
  return %0 : i32
}
func.func @transpose_fp_0d(%arg0: vector<f32>) -> vector<f32> {
  %0 = vector.transpose %arg0, [] : vector<f32> to vector<f32>
  return %0 : vector<f32>
}
func.func @vector_load_and_store_0d_scalar_memref(%memref : memref<200x100xf32>, %i : index, %j : index) {
  %0 = vector.load %memref[%i, %j] : memref<200x100xf32>, vector<f32>
  vector.store %0, %memref[%i, %j] : memref<200x100xf32>, vector<f32>
  return
}
func.func @vector_load_and_store_1d_vector_memref(%memref : memref<200x100xvector<8xf32>>, %i : index, %j : index) {
  %0 = vector.load %memref[%i, %j] : memref<200x100xvector<8xf32>>, vector<8xf32>
  vector.store %0, %memref[%i, %j] : memref<200x100xvector<8xf32>>, vector<8xf32>
  return
}
func.func @vector_load_and_store_scalable_vector_memref(%v: vector<[4]xi32>, %m: memref<?xi32>) -> vector<[4]xi32> {
  %c0 = arith.constant 0 : index
  %0 = vector.load %m[%c0] : memref<?xi32>, vector<[4]xi32>
  vector.store %v, %m[%c0] : memref<?xi32>, vector<[4]xi32>
  return %0 : vector<[4]xi32>
}
func.func @vector_load_and_store_2d_scalar_memref(%memref : memref<200x100xf32>, %i : index, %j : index) {
  %0 = vector.load %memref[%i, %j] : memref<200x100xf32>, vector<4x8xf32>
  vector.store %0, %memref[%i, %j] : memref<200x100xf32>, vector<4x8xf32>
  return
}
func.func @masked_load_and_store2d(%base: memref<?x?xf32>, %mask: vector<16xi1>, %passthru: vector<16xf32>) {
  %c0 = arith.constant 0 : index
  %0 = vector.maskedload %base[%c0, %c0], %mask, %passthru : memref<?x?xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
  vector.maskedstore %base[%c0, %c0], %mask, %0 : memref<?x?xf32>, vector<16xi1>, vector<16xf32>
  return
}
func.func @gather_and_scatter2d(%base: memref<?x?xf32>, %v: vector<16xi32>, %mask: vector<16xi1>, %pass_thru: vector<16xf32>) {
  %c0 = arith.constant 0 : index
  %0 = vector.gather %base[%c0, %c0][%v], %mask, %pass_thru : memref<?x?xf32>, vector<16xi32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
  vector.scatter %base[%c0, %c0][%v], %mask, %0 : memref<?x?xf32>, vector<16xi32>, vector<16xi1>, vector<16xf32>
  return
}
func.func @gather_multi_dims(%base: tensor<?xf32>, %v: vector<2x16xi32>, %mask: vector<2x16xi1>, %pass_thru: vector<2x16xf32>) -> vector<2x16xf32> {
  %c0 = arith.constant 0 : index
  %0 = vector.gather %base[%c0][%v], %mask, %pass_thru : tensor<?xf32>, vector<2x16xi32>, vector<2x16xi1>, vector<2x16xf32> into vector<2x16xf32>
  return %0 : vector<2x16xf32>
}
