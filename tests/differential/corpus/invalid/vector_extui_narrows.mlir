func.func @bad(%a: vector<4xi32>) {
  %1 = arith.extui %a : vector<4xi32> to vector<4xi16>
  return
}
