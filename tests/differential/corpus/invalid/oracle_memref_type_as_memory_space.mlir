func.func private @spaces(memref<4xf32, 3>, memref<4xf32, #gpu.address_space<workgroup>>)
func.func private @type_space(memref<4xf32, i8>)
