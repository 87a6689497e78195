func.func private @takes(!llvm.ptr {llvm.align = 8 : i64}, i32 {llvm.align = 4 : i64})
