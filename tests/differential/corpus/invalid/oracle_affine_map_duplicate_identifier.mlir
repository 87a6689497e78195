#ok = affine_map<(i, j)[n] -> (i + j * n)>
#dup = affine_map<(i, j)[n, j] -> (i + n)>
func.func private @f(memref<4x4xf32, #ok>)
