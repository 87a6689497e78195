func.func @dialect_attrs(%a: i32 {llvm.noundef}) -> (i32 {llvm.zeroext}) {
  return %a : i32
}
func.func @plain_attr(%a: i32 {noundef}) {
  return
}
