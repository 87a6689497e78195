func.func private @rows(memref<4x8xf32, strided<[8, 1], offset: ?>>)
func.func private @too_few(memref<4x8xf32, strided<[1]>>)
