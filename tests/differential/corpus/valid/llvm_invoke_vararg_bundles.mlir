llvm.func @printf_like(i32, ...)
llvm.func @personality(...) -> i32
llvm.func @report(%code: i32, %msg: !llvm.ptr) attributes {personality = @personality} {
  %one = llvm.mlir.constant(1 : i32) : i32
  llvm.invoke @printf_like(%code, %msg) to ^done unwind ^first vararg(!llvm.func<void (i32, ...)>) : (i32, !llvm.ptr) -> ()
^done:
  llvm.return
^first:
  %e = llvm.landingpad cleanup : !llvm.struct<(ptr, i32)>
  llvm.invoke @printf_like(%one) to ^done unwind ^second vararg(!llvm.func<void (i32, ...)>) ["deopt"(%one : i32), "funclet"()] : (i32) -> ()
^second:
  %f = llvm.landingpad cleanup : !llvm.struct<(ptr, i32)>
  llvm.return
}
