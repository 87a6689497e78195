llvm.func @helper()
func.func private @std_helper()
llvm.func @caller() {
  llvm.call @helper() : () -> ()
  llvm.call @std_helper() : () -> ()
  llvm.return
}
