func.func @outer(%m: vector<4x8xf32>, %a: f32) -> vector<4x8xf32> {
  %0 = "vector.outerproduct"(%m, %a) <{kind = #vector.kind<add>}>
      : (vector<4x8xf32>, f32) -> vector<4x8xf32>
  return %0 : vector<4x8xf32>
}
