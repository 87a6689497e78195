llvm.func @personality(...) -> i32
llvm.func @may_throw(i32) -> i32
llvm.func @caller(%x: i32) -> i32 attributes {personality = @personality} {
  %r = llvm.invoke @may_throw(%x) to ^done unwind ^cleanup : (i32) -> i32
^done:
  llvm.return %r : i32
^cleanup:
  llvm.return %x : i32
}
