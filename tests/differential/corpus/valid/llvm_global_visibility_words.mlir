llvm.mlir.global external hidden @exported_hidden(1 : i32) : i32
llvm.mlir.global internal protected thread_local unnamed_addr constant @tls_const(2 : i32) {dso_local} : i32
llvm.mlir.global private local_unnamed_addr @placed(3 : i32) {section = ".data.placed", alignment = 8 : i64} : i32
llvm.func hidden @helper() -> i32 {
  %p = llvm.mlir.addressof @tls_const : !llvm.ptr
  %v = llvm.load %p : !llvm.ptr -> i32
  llvm.return %v : i32
}
