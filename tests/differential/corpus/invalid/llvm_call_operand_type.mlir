llvm.func @g(i32) -> i32
llvm.func @f(%a: i64) -> i32 {
  %0 = llvm.call @g(%a) : (i64) -> i32
  llvm.return %0 : i32
}
