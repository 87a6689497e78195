llvm.func @dispatch(%target: !llvm.ptr, %v: i32) -> i32 {
  llvm.indirectbr %target : !llvm.ptr, [
    ^first,
    ^second(%v : i32)
  ]
^first(%a: i32):
  llvm.return %a : i32
^second(%b: i32):
  llvm.return %b : i32
}
