// vector.mask around reductions, transfers and contractions (with and without a pass-through,
// yielding a value; an empty mask is left out: mlir-opt 22's convert-to-llvm loops on it), multi-dim reductions to a scalar, scans, scalable slices,
// interleave/deinterleave of 0-D, scalable and n-D vectors, reductions with fast-math flags.
#matmat_trait = {
  indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>],
  iterator_types = ["parallel", "parallel", "reduction"]
}
func.func @multi_reduction(%0: vector<4x8x16x32xf32>, %acc0: vector<4x16xf32>, %acc1: f32) -> f32 {
  %1 = vector.multi_reduction <add>, %0, %acc0 [1, 3] :
    vector<4x8x16x32xf32> to vector<4x16xf32>
  %2 = vector.multi_reduction <add>, %1, %acc1 [0, 1] :
    vector<4x16xf32> to f32
  return %2 : f32
}
func.func @vector_scan(%0: vector<4x8x16x32xf32>) -> vector<4x8x16x32xf32> {
  %1 = arith.constant dense<0.0> : vector<4x16x32xf32>
  %2:2 = vector.scan <add>, %0, %1 {reduction_dim = 1 : i64, inclusive = true} :
    vector<4x8x16x32xf32>, vector<4x16x32xf32>
  return %2#0 : vector<4x8x16x32xf32>
}
func.func @vector_mask(%a: vector<8xi32>, %m0: vector<8xi1>) -> i32 {
  %0 = vector.mask %m0 { vector.reduction <add>, %a : vector<8xi32> into i32 } : vector<8xi1> -> i32
  return %0 : i32
}
func.func @vector_mask_passthru(%t0: tensor<?xf32>, %idx: index, %m0: vector<16xi1>, %pt0: vector<16xf32>) -> vector<16xf32> {
  %ft0 = arith.constant 0.0 : f32
  %0 = vector.mask %m0, %pt0 { vector.transfer_read %t0[%idx], %ft0 : tensor<?xf32>, vector<16xf32> } : vector<16xi1> -> vector<16xf32>
  return %0 : vector<16xf32>
}
func.func @vector_mask_no_return(%val: vector<16xf32>, %t0: memref<?xf32>, %idx: index, %m0: vector<16xi1>) {
  vector.mask %m0 { vector.transfer_write %val, %t0[%idx] : vector<16xf32>, memref<?xf32> } : vector<16xi1>
  return
}
func.func @vector_mask_tensor_return(%val: vector<16xf32>, %t0: tensor<?xf32>, %idx: index, %m0: vector<16xi1>) {
  vector.mask %m0 { vector.transfer_write %val, %t0[%idx] : vector<16xf32>, tensor<?xf32> } : vector<16xi1> -> tensor<?xf32>
  return
}
func.func @vector_mask_empty_return(%m0: vector<16xi1>, %arg0: vector<16xf32>) -> vector<16xf32> {
  %0 = vector.mask %m0 { vector.yield %arg0 : vector<16xf32> } : vector<16xi1> -> vector<16xf32>
  return %0 : vector<16xf32>
}
func.func @vector_scalable_insert(%sub0: vector<4xi32>, %sub1: vector<8xi32>, %sub2: vector<[4]xi32>, %sv: vector<[8]xi32>) {
  %0 = vector.scalable.insert %sub0, %sv[12] : vector<4xi32> into vector<[8]xi32>
  %1 = vector.scalable.insert %sub1, %sv[0] : vector<8xi32> into vector<[8]xi32>
  %2 = vector.scalable.insert %sub2, %sv[0] : vector<[4]xi32> into vector<[8]xi32>
  return
}
func.func @vector_scalable_extract(%sv: vector<[8]xi32>) {
  %0 = vector.scalable.extract %sv[0] : vector<16xi32> from vector<[8]xi32>
  %2 = vector.scalable.extract %sv[4] : vector<4xi32> from vector<[8]xi32>
  return
}
func.func @contraction_masked_scalable(%A: vector<3x4xf32>, %B: vector<4x[8]xf32>, %C: vector<3x[8]xf32>, %M : vector<3x[8]x4xi1>) -> vector<3x[8]xf32> {
  %0 = vector.mask %M { vector.contract #matmat_trait %A, %B, %C : vector<3x4xf32>, vector<4x[8]xf32> into vector<3x[8]xf32> }
    : vector<3x[8]x4xi1> -> vector<3x[8]xf32>
  return %0 : vector<3x[8]xf32>
}
func.func @fastmath(%x: vector<42xf32>) -> f32 {
  %min = vector.reduction <minnumf>, %x fastmath<reassoc,nnan,ninf> : vector<42xf32> into f32
  return %min: f32
}
func.func @interleave(%a: vector<f32>, %b: vector<f32>, %c: vector<[8]xi16>, %d: vector<2x[2]xf64>) -> vector<2xf32> {
  %0 = vector.interleave %a, %b : vector<f32> -> vector<2xf32>
  %1 = vector.interleave %c, %c : vector<[8]xi16> -> vector<[16]xi16>
  %2 = vector.interleave %d, %d : vector<2x[2]xf64> -> vector<2x[4]xf64>
  return %0 : vector<2xf32>
}
func.func @deinterleave(%arg: vector<[4]xf32>, %n: vector<2x3x4x[6]xf32>) -> (vector<[2]xf32>, vector<[2]xf32>) {
  %0, %1 = vector.deinterleave %arg : vector<[4]xf32> -> vector<[2]xf32>
  %2, %3 = vector.deinterleave %n : vector<2x3x4x[6]xf32> -> vector<2x3x4x[3]xf32>
  return %0, %1 : vector<[2]xf32>, vector<[2]xf32>
}
