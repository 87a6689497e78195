// spmv multiplies a sparse matrix handle by dense tensor handles.
func.func @mv(%n: index, %v: memref<?xf32>, %w: memref<?xi8>) {
  %a = gpu.create_csr %n, %n, %n, %v, %v, %v : memref<?xf32>, memref<?xf32>, memref<?xf32>
  %d = gpu.create_dn_tensor %v, %n : index into memref<?xf32>
  gpu.spmv %a, %d, %d, %w : memref<?xi8> into f32
  gpu.spmv %d, %d, %d, %w : memref<?xi8> into f32
  return
}
