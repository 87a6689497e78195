llvm.func @bad(%a: i32) {
  llvm.switch %a : i32, ^bb1 [
    0: ^bb2(%a : i32)
  ]
^bb1:
  llvm.return
^bb2:
  llvm.return
}
