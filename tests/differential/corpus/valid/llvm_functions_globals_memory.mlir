llvm.mlir.global private constant @greeting("ok\0A\00") {addr_space = 0 : i32}
llvm.mlir.global internal @table(dense<0> : tensor<8xi32>) : !llvm.array<8 x i32>
llvm.func @log(!llvm.ptr, ...) -> i32
llvm.func internal @twice(%x: i32) -> i32 attributes {passthrough = ["noinline"]} {
  %y = llvm.add %x, %x overflow<nsw> : i32
  llvm.return %y : i32
}
llvm.func @driver(%n: i64, %callee: !llvm.ptr, %x: f32) -> i32 {
  %slot = llvm.alloca %n x i32 {alignment = 4 : i64} : (i64) -> !llvm.ptr
  %v = llvm.load %slot {alignment = 4 : i64} : !llvm.ptr -> i32
  %w = llvm.call @twice(%v) : (i32) -> i32
  %u = llvm.call %callee(%w) : !llvm.ptr, (i32) -> i32
  llvm.store %u, %slot {alignment = 4 : i64} : i32, !llvm.ptr
  %text = llvm.mlir.addressof @greeting : !llvm.ptr
  %printed = llvm.call @log(%text, %u) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i32) -> i32
  %sq = llvm.fmul %x, %x {fastmathFlags = #llvm.fastmath<fast>} : f32
  %small = llvm.fcmp "olt" %sq, %x : f32
  %frozen = llvm.freeze %u : i32
  %narrow = llvm.trunc %frozen : i32 to i8
  %wide = llvm.sext %narrow : i8 to i64
  llvm.cond_br %small, ^done(%frozen : i32), ^done(%printed : i32)
^done(%r: i32):
  llvm.return %r : i32
}
llvm.func @volatile_access(%p: !llvm.ptr, %x: i32) -> i32 {
  %old = llvm.load volatile %p {alignment = 4 : i64} : !llvm.ptr -> i32
  llvm.store volatile %x, %p : i32, !llvm.ptr
  llvm.return %old : i32
}
llvm.func @likely(%c: i1, %x: i32) -> i32 {
  llvm.cond_br %c weights([1, 99]), ^cold, ^hot(%x : i32)
^cold:
  llvm.return %x : i32
^hot(%y: i32):
  llvm.return %y : i32
}
