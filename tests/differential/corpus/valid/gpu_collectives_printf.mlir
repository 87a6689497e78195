gpu.module @collectives {
  gpu.func @reduce(%x: f32, %out: memref<32xf32>) kernel {
    %lane = gpu.thread_id x upper_bound 32
    %total = gpu.all_reduce add %x uniform {} : (f32) -> f32
    %largest = gpu.all_reduce %x {
    ^bb0(%a: f32, %b: f32):
      %m = arith.maximumf %a, %b : f32
      gpu.yield %m : f32
    } : (f32) -> f32
    %one = arith.constant 1 : i32
    %width = arith.constant 32 : i32
    %next, %ok = gpu.shuffle down %x, %one, %width : f32
    %partial = gpu.subgroup_reduce add %x cluster(size = 4) : (f32) -> f32
    gpu.printf "lane %lld total %f\n", %lane, %total : index, f32
    memref.store %total, %out[%lane] : memref<32xf32>
    gpu.return
  }
  gpu.func @staged(%x: f32) workgroup(%tile: memref<32xf32, #gpu.address_space<workgroup>>) private(%tmp: memref<1xf32, #gpu.address_space<private>>) kernel {
    %lane = gpu.thread_id x
    memref.store %x, %tile[%lane] : memref<32xf32, #gpu.address_space<workgroup>>
    gpu.barrier
    gpu.return
  }
}
