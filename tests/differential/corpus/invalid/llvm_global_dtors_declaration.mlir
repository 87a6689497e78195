llvm.func @teardown()
llvm.mlir.global_dtors dtors = [@teardown], priorities = [65535 : i32], data = [#llvm.zero]
