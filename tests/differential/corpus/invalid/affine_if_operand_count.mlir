#set = affine_set<(d0) : (d0 >= 0)>
func.func @bad(%m: memref<8xf32>, %n: index) {
  affine.if #set(%n, %n) {
  }
  return
}
