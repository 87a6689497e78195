func.func @shaped(%a: vector<4xi32>, %b: vector<4xi32>, %t: tensor<2x3xf32>, %x: f32) -> vector<4xi32> {
  %c = arith.constant dense<[1, 2, 3, 4]> : vector<4xi32>
  %0 = arith.cmpi slt, %a, %c : vector<4xi32>
  %1 = arith.extui %0 : vector<4xi1> to vector<4xi32>
  %2 = arith.select %0, %1, %b : vector<4xi1>, vector<4xi32>
  %3 = arith.sitofp %a : vector<4xi32> to vector<4xf32>
  %4 = arith.cmpf olt, %t, %t : tensor<2x3xf32>
  %5 = arith.truncf %x : f32 to f16
  %6 = arith.fptoui %5 : f16 to i8
  %7 = arith.trunci %2 : vector<4xi32> to vector<4xi8>
  %cond = arith.constant true
  %8 = arith.select %cond, %2, %b : vector<4xi32>
  %9 = scf.if %cond -> vector<4xi32> {
    scf.yield %8 : vector<4xi32>
  } else {
    scf.yield %b : vector<4xi32>
  }
  return %9 : vector<4xi32>
}
