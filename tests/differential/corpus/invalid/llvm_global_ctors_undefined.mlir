llvm.func @init() {
  llvm.return
}
llvm.mlir.global_ctors ctors = [@init, @setup], priorities = [0 : i32, 1 : i32], data = [#llvm.zero, #llvm.zero]
