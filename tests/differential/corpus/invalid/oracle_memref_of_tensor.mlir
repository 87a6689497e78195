func.func private @buffers(memref<4xvector<4xf32>>, memref<2xmemref<4xf32>>)
func.func private @bad(memref<?xtensor<4xi8>>)
