func.func private @copy(!llvm.ptr {llvm.noalias, llvm.nonnull}, !llvm.ptr {llvm.noalias, llvm.readonly}, i64 {llvm.noundef}) -> (i32 {llvm.zeroext})
func.func private @plain(i32, f32) -> i32
func.func private @sink(memref<4xf32> {llvm.noalias}, index {test.tag = 1 : i32})
func.func @caller(%dst: !llvm.ptr {llvm.noalias}, %n: i64 {llvm.noundef}) -> i32 {
  %r = func.call @copy(%dst, %dst, %n) : (!llvm.ptr, !llvm.ptr, i64) -> i32
  return %r : i32
}
llvm.func @llvm_decl(!llvm.ptr {llvm.align = 16 : i64, llvm.dereferenceable = 64 : i64}, i8 {llvm.signext}) -> (!llvm.ptr {llvm.noalias})
llvm.func @llvm_variadic(!llvm.ptr {llvm.nonnull}, ...) -> i32
