func.func private @copy(!llvm.ptr {llvm.noalias}, !llvm.ptr {llvm.noalias}, i64 {llvm.noalias})
