// memref.transpose and memref.rank of an unranked memref; vector.contract with a trait
// alias; gpu subgroup queries with MLIR 22's result type; materialize_in_destination
// into a memref in another memory space; bufferization.dealloc_tensor.
#matmul_trait = {
  indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>],
  iterator_types = ["parallel", "parallel", "reduction"]
}

func.func @views(%m: memref<?x?xf32>, %u: memref<*xf32>, %s: memref<?x?x?xf32, strided<[?, ?, 1]>>) -> index {
  %0 = memref.transpose %m (i, j) -> (j, i) : memref<?x?xf32> to memref<?x?xf32, strided<[1, ?]>>
  %1 = memref.transpose %s (i, j, k) -> (k, j, i) : memref<?x?x?xf32, strided<[?, ?, 1]>> to memref<?x?x?xf32, strided<[1, ?, ?]>>
  %2 = memref.rank %u : memref<*xf32>
  return %2 : index
}

func.func @contract(%a: vector<2x3xf32>, %b: vector<3x4xf32>, %c: vector<2x4xf32>) -> vector<2x4xf32> {
  %0 = vector.contract #matmul_trait %a, %b, %c : vector<2x3xf32>, vector<3x4xf32> into vector<2x4xf32>
  return %0 : vector<2x4xf32>
}

gpu.module @kernels {
  gpu.func @queries() kernel {
    %sg = gpu.subgroup_id : index
    %count = gpu.num_subgroups : index
    %size = gpu.subgroup_size upper_bound 64 : index
    %lane = gpu.lane_id upper_bound 64
    gpu.return
  }
}

func.func @materialize(%t: tensor<?xf32>, %into: tensor<5xf32>, %buf: memref<?xf32, 3>) -> tensor<5xf32> {
  bufferization.materialize_in_destination %t in restrict writable %buf : (tensor<?xf32>, memref<?xf32, 3>) -> ()
  %0 = bufferization.materialize_in_destination %t in %into : (tensor<?xf32>, tensor<5xf32>) -> tensor<5xf32>
  bufferization.dealloc_tensor %t : tensor<?xf32>
  return %0 : tensor<5xf32>
}
