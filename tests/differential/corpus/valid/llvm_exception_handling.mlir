llvm.mlir.global external constant @type_info_int() : !llvm.ptr
llvm.mlir.global external constant @type_info_pair() : !llvm.array<1 x ptr>
llvm.func @personality(...) -> i32
llvm.func @may_throw(i32) -> i32
llvm.func @log(i32)
llvm.func @handle(%x: i32, %fn: !llvm.ptr) -> i32 attributes {personality = @personality} {
  %zero = llvm.mlir.zero : !llvm.ptr
  %info = llvm.mlir.addressof @type_info_int : !llvm.ptr
  %filter = llvm.mlir.addressof @type_info_pair : !llvm.ptr
  %r = llvm.invoke @may_throw(%x) to ^ok(%x : i32) unwind ^caught : (i32) -> i32
^ok(%arg: i32):
  llvm.invoke %fn(%arg) to ^done unwind ^caught : !llvm.ptr, (i32) -> ()
^done:
  llvm.invoke fastcc @log(%r) to ^end unwind ^caught : (i32) -> ()
^end:
  llvm.return %r : i32
^caught:
  %e = llvm.landingpad cleanup (catch %zero : !llvm.ptr) (catch %info : !llvm.ptr) : !llvm.struct<(ptr, i32)>
  llvm.resume %e : !llvm.struct<(ptr, i32)>
}
