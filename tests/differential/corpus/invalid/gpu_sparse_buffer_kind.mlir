// The arrays of a sparse matrix are buffers: a tensor is rejected where its type is written.
func.func @csr(%n: index, %v: memref<?xf32>, %t: tensor<?xf32>) {
  %ok = gpu.create_csr %n, %n, %n, %v, %v, %v : memref<?xf32>, memref<?xf32>, memref<?xf32>
  %no = gpu.create_csr %n, %n, %n, %v, %v, %t : memref<?xf32>, memref<?xf32>, tensor<?xf32>
  return
}
