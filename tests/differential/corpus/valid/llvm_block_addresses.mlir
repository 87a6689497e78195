llvm.mlir.global private @entry_points() : !llvm.ptr {
  %a = llvm.blockaddress <function = @interpret, tag = <id = 2>> : !llvm.ptr
  llvm.return %a : !llvm.ptr
}
llvm.func @interpret(%op: i32, %start: !llvm.ptr) -> i32 {
  %one = llvm.mlir.constant(1 : i32) : i32
  %add = llvm.blockaddress <function = @interpret, tag = <id = 1>> : !llvm.ptr
  llvm.indirectbr %start : !llvm.ptr, [
    ^add(%op : i32),
    ^halt
  ]
^add(%v: i32):
  llvm.blocktag <id = 1>
  %next = llvm.add %v, %one : i32
  llvm.indirectbr %add : !llvm.ptr, [
    ^add(%next : i32)
  ]
^halt:
  llvm.blocktag <id = 2>
  llvm.return %op : i32
}
