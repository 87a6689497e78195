llvm.func @dispatch(%target: !llvm.ptr, %v: i32) -> f32 {
  llvm.indirectbr %target : !llvm.ptr, [
    ^only(%v : i32)
  ]
^only(%a: f32):
  llvm.return %a : f32
}
