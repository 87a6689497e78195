// LLVM atomics and synchronisation (cmpxchg, fence), va_arg, and the global constructor and
// destructor lists.
llvm.func @init() {
  llvm.return
}
llvm.mlir.global_ctors ctors = [@init], priorities = [0 : i32], data = [#llvm.zero]
llvm.mlir.global_dtors dtors = [@init], priorities = [1 : i32], data = [#llvm.zero]
llvm.func @atomics(%p: !llvm.ptr, %a: i32, %b: i32) -> i32 {
  %r = llvm.cmpxchg %p, %a, %b acq_rel monotonic : !llvm.ptr, i32
  %w = llvm.cmpxchg weak volatile %p, %a, %b syncscope("agent") seq_cst seq_cst {alignment = 8 : i64} : !llvm.ptr, i32
  %v = llvm.extractvalue %r[0] : !llvm.struct<(i32, i1)>
  llvm.fence release
  llvm.fence syncscope("agent") seq_cst
  %x = llvm.va_arg %p : (!llvm.ptr) -> i32
  llvm.return %v : i32
}
