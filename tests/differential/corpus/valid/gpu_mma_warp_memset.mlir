// A warp-level matrix multiply-accumulate on tensor cores, a region run on lane 0 of
// a warp with its values distributed to the lanes, and device memsets.
gpu.module @kernels {
  gpu.func @mma(%a_buf: memref<32x32xf16>, %b_buf: memref<32x32xf16, 3>,
                %c_buf: memref<32x32xf32, strided<[32, 1], offset: ?>>) kernel {
    %c0 = arith.constant 0 : index
    %c16 = arith.constant 16 : index
    %a = gpu.subgroup_mma_load_matrix %a_buf[%c0, %c16] {leadDimension = 32 : index}
        : memref<32x32xf16> -> !gpu.mma_matrix<16x16xf16, "AOp">
    %b = gpu.subgroup_mma_load_matrix %b_buf[%c16, %c0] {leadDimension = 32 : index, transpose}
        : memref<32x32xf16, 3> -> !gpu.mma_matrix<16x16xf16, "BOp">
    %zero = arith.constant 0.0 : f32
    %acc = gpu.subgroup_mma_constant_matrix %zero : !gpu.mma_matrix<16x16xf32, "COp">
    %d = gpu.subgroup_mma_compute %a, %b, %acc {b_transpose}
        : !gpu.mma_matrix<16x16xf16, "AOp">, !gpu.mma_matrix<16x16xf16, "BOp">
        -> !gpu.mma_matrix<16x16xf32, "COp">
    %e = gpu.subgroup_mma_elementwise maxf %d, %acc
        : (!gpu.mma_matrix<16x16xf32, "COp">, !gpu.mma_matrix<16x16xf32, "COp">)
        -> !gpu.mma_matrix<16x16xf32, "COp">
    %x = gpu.subgroup_mma_extract_thread_local %e[%c0] : !gpu.mma_matrix<16x16xf32, "COp"> -> f32
    %y = arith.addf %x, %x : f32
    %f = gpu.subgroup_mma_insert_thread_local %y, %e[%c0]
        : f32, !gpu.mma_matrix<16x16xf32, "COp"> -> !gpu.mma_matrix<16x16xf32, "COp">
    gpu.subgroup_mma_store_matrix %f, %c_buf[%c0, %c0] {leadDimension = 32 : index}
        : !gpu.mma_matrix<16x16xf32, "COp">, memref<32x32xf32, strided<[32, 1], offset: ?>>
    gpu.return
  }

  gpu.func @distribute(%v: vector<4xf32>, %i8s: !gpu.mma_matrix<8x32xsi8, "AOp">) kernel {
    %lane = gpu.lane_id
    %part, %sum = gpu.warp_execute_on_lane_0(%lane)[32] args(%v : vector<4xf32>) -> (vector<1x4xf32>, f32) {
    ^bb0(%whole: vector<128xf32>):
      %tile = vector.shape_cast %whole : vector<128xf32> to vector<2x64xf32>
      %s = vector.reduction <add>, %whole : vector<128xf32> into f32
      gpu.yield %tile, %s : vector<2x64xf32>, f32
    }
    gpu.warp_execute_on_lane_0(%lane)[64] {
      %one = arith.constant 1.0 : f32
    } {note = "side effects only"}
    gpu.return
  }
}

func.func @clear(%buf: memref<256xf32>, %ints: memref<?xi32>) {
  %zero = arith.constant 0.0 : f32
  %t0 = gpu.wait async
  %t1 = gpu.memset async [%t0] %buf, %zero : memref<256xf32>, f32
  %c7 = arith.constant 7 : i32
  gpu.memset %ints, %c7 : memref<?xi32>, i32
  gpu.wait [%t1]
  return
}
