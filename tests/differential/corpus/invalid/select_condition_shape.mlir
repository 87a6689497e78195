func.func @c(%b: vector<4xi8>, %c: vector<2xi1>) -> vector<4xi8> {
  %2 = arith.select %c, %b, %b : vector<2xi1>, vector<4xi8>
  return %2 : vector<4xi8>
}
