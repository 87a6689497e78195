memref.global "private" constant @ones : memref<2xf16> = dense<1.0>
"memref.global"() <{constant, initial_value = dense<1.000000e+00> : tensor<2x2xf16>, sym_name = "wrong_shape", sym_visibility = "private", type = memref<1x2xf16>}> : () -> ()
