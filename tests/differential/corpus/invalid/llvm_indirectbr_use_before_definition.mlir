llvm.func @f(%p: !llvm.ptr, %a: i32) -> i32 {
  llvm.indirectbr %p : !llvm.ptr, [
    ^bb1
  ]
^bb1:
  %x = llvm.add %y, %a : i32
  llvm.br ^bb2
^bb2:
  %y = llvm.add %a, %a : i32
  llvm.return %x : i32
}
