llvm.func @pers(...) -> i32
llvm.func @foo(i32) -> i32
llvm.func @bar(%a: i32) -> i32 attributes {personality = @pers} {
  llvm.br ^bb3
^bb1:
  %0 = llvm.invoke @foo(%a) to ^bb2 unwind ^bb4 : (i32) -> i32
^bb2:
  llvm.return %0 : i32
^bb3:
  llvm.return %0 : i32
^bb4:
  %1 = llvm.landingpad cleanup : !llvm.struct<(ptr, i32)>
  llvm.resume %1 : !llvm.struct<(ptr, i32)>
}
