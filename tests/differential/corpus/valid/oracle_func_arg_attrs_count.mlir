func.func @ok(%a: i1 {llvm.noundef}, %b: f32) -> (i32 {llvm.zeroext}) {
  %c = arith.constant 0 : i32
  return %c : i32
}
