llvm.comdat @__llvm_comdat {
  llvm.comdat_selector @inline_var any
  llvm.comdat_selector @table exactmatch
  llvm.comdat_selector @biggest largest
  llvm.comdat_selector @unique nodeduplicate
  llvm.comdat_selector @same samesize
}
llvm.mlir.global linkonce_odr constant @inline_var(42 : i32) comdat(@__llvm_comdat::@inline_var) : i32
llvm.mlir.global weak_odr @table(dense<[1, 2]> : tensor<2xi64>) comdat(@__llvm_comdat::@table) : !llvm.array<2 x i64>
llvm.func linkonce_odr @inline_fn() -> i32 vscale_range(1, 16) comdat(@__llvm_comdat::@unique) {
  %c = llvm.mlir.constant(7 : i32) : i32
  llvm.return %c : i32
}
llvm.mlir.alias external @var_alias : i32 {
  %p = llvm.mlir.addressof @inline_var : !llvm.ptr
  llvm.return %p : !llvm.ptr
}
llvm.mlir.alias linkonce_odr hidden unnamed_addr @second_entry {dso_local} : !llvm.array<2 x i64> {
  %eight = llvm.mlir.constant(8 : i64) : i64
  %p = llvm.mlir.addressof @table : !llvm.ptr
  %i = llvm.ptrtoint %p : !llvm.ptr to i64
  %j = llvm.add %i, %eight : i64
  %q = llvm.inttoptr %j : i64 to !llvm.ptr
  llvm.return %q : !llvm.ptr
}
llvm.mlir.alias external @fn_alias : !llvm.func<i32 ()> {
  %f = llvm.mlir.addressof @inline_fn : !llvm.ptr
  llvm.return %f : !llvm.ptr
}
llvm.func @pick_impl() -> !llvm.ptr {
  %f = llvm.mlir.addressof @inline_fn : !llvm.ptr
  llvm.return %f : !llvm.ptr
}
llvm.mlir.ifunc external @dispatch : !llvm.func<i32 ()>, !llvm.ptr @pick_impl
llvm.mlir.ifunc weak_odr hidden unnamed_addr @dispatch_local : !llvm.func<i32 ()>, !llvm.ptr @pick_impl {dso_local}
llvm.func @use() -> i32 {
  %r = llvm.call @dispatch() : () -> i32
  llvm.return %r : i32
}
llvm.mlir.global external constant @relative_ref() : i64 {
  %e = llvm.dso_local_equivalent @inline_fn : !llvm.ptr
  %a = llvm.dso_local_equivalent @fn_alias : !llvm.ptr
  %i = llvm.ptrtoint %e : !llvm.ptr to i64
  llvm.return %i : i64
}
