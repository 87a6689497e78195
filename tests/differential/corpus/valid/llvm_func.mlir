llvm.func @add(%a: i32, %b: i32) -> i32 {
  %0 = llvm.add %a, %b : i32
  %1 = llvm.mul %0, %b : i32
  llvm.return %1 : i32
}
