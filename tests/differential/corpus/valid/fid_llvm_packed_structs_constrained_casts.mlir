// Packed LLVM struct types (anonymous, empty, named) and the constrained floating-point casts
// with their rounding modes and exception behaviours.
llvm.func @h(%a: f32, %b: i32, %p: !llvm.ptr) -> f32 {
  %0 = llvm.intr.experimental.constrained.fptrunc %a towardzero ignore : f32 to f16
  %1 = llvm.intr.experimental.constrained.fpext %0 strict : f16 to f32
  %2 = llvm.intr.experimental.constrained.sitofp %b tonearest maytrap : i32 to f32
  %3 = llvm.intr.experimental.constrained.uitofp %b dynamic ignore : i32 to f64
  %4 = llvm.load %p : !llvm.ptr -> !llvm.struct<packed (i8, i32)>
  %5 = llvm.mlir.undef : !llvm.struct<packed ()>
  %6 = llvm.mlir.undef : !llvm.struct<"named", packed (i8, i64)>
  %7 = llvm.extractvalue %4[1] : !llvm.struct<packed (i8, i32)>
  llvm.return %1 : f32
}
