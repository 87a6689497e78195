llvm.func @store(!llvm.ptr {llvm.nonnull}, i32 {llvm.noundef, hint = 1 : i32})
