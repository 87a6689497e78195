func.func @lanes() -> (vector<[4]xi32>, vector<[4]xi32>) {
  %splat = arith.constant dense<7> : vector<[4]xi32>
  %steps = arith.constant dense<[0, 1, 2, 3]> : vector<[4]xi32>
  return %splat, %steps : vector<[4]xi32>, vector<[4]xi32>
}
