llvm.func @s(%a: i32, %p: !llvm.ptr) -> !llvm.struct<(i32, f32)> {
  %0 = llvm.mlir.undef : !llvm.struct<(i32, f32)>
  %1 = llvm.insertvalue %a, %0[0] : !llvm.struct<(i32, f32)>
  %z = llvm.mlir.zero : !llvm.ptr
  %c = llvm.icmp "eq" %p, %z : !llvm.ptr
  %s = llvm.select %c, %a, %a : i1, i32
  %e = llvm.extractvalue %1[0] : !llvm.struct<(i32, f32)>
  llvm.return %1 : !llvm.struct<(i32, f32)>
}
llvm.func @switch(%a: i32) -> i32 {
  llvm.switch %a : i32, ^bb1 [
    0: ^bb2,
    1: ^bb2
  ]
^bb1:
  llvm.return %a : i32
^bb2:
  %c = llvm.mlir.constant(7 : i32) : i32
  llvm.return %c : i32
}
llvm.func @switch_args(%v: i64, %f: f32) -> f32 {
  llvm.switch %v : i64, ^bb1(%f : f32) [
    4: ^bb1(%f : f32),
    9: ^bb2
  ]
^bb1(%x: f32):
  llvm.return %x : f32
^bb2:
  llvm.return %f : f32
}
