func.func @compare(%a: i32) -> i1 {
  %0 = llvm.icmp "eq" %a, %a : i32
  %1 = llvm.icmp "equal" %a, %a : i32
  return %1 : i1
}
