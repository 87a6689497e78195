llvm.func @may_throw(i32) -> i32
llvm.func @caller(%x: i32) -> i32 {
  %r = llvm.invoke @may_throw(%x) to ^done unwind ^cleanup : (i32) -> i32
^done:
  llvm.return %r : i32
^cleanup:
  %e = llvm.landingpad cleanup : !llvm.struct<(ptr, i32)>
  llvm.resume %e : !llvm.struct<(ptr, i32)>
}
