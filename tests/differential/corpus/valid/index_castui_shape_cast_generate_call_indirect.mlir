func.func private @ext(i32) -> i32
func.func @x(%a: index, %v: vector<4x4xf32>, %n: index) -> i32 {
  %0 = arith.index_castui %a : index to i32
  %1 = vector.shape_cast %v : vector<4x4xf32> to vector<16xf32>
  %2 = tensor.generate %n {
  ^bb0(%i: index, %j: index):
    %c = arith.index_cast %i : index to i32
    tensor.yield %c : i32
  } : tensor<?x3xi32>
  %f = func.constant @ext : (i32) -> i32
  %3 = func.call_indirect %f(%0) : (i32) -> i32
  return %3 : i32
}
