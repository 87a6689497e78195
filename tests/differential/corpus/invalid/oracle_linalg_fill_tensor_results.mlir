func.func @f(%arg0 : memref<?x?xf32>, %arg1 : f32) -> tensor<?x?xf32> {
  %0 = linalg.fill ins(%arg1 : f32) outs(%arg0 : memref<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
