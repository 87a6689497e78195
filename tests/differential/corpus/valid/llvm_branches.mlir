llvm.func @max(%a: i64, %b: i64) -> i64 {
  %c = llvm.icmp "sgt" %a, %b : i64
  llvm.cond_br %c, ^bb1, ^bb2
^bb1:
  llvm.return %a : i64
^bb2:
  llvm.return %b : i64
}
