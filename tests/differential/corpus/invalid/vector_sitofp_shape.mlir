func.func @bad(%a: vector<4xi32>) {
  %1 = arith.sitofp %a : vector<4xi32> to vector<8xf32>
  return
}
