llvm.func @allocate(i64 {llvm.noundef}) -> (!llvm.ptr {llvm.noalias, llvm.nocapture})
