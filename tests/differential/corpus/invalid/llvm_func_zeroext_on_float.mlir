llvm.func @widen(%x: i8 {llvm.zeroext}, %y: f32 {llvm.zeroext}) {
  llvm.return
}
