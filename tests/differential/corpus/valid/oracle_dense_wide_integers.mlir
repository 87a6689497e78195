// Dense literals of integers wider than 64 bits: a lookup table of i128 keys on a
// function, and the splat, nested and hex forms on an op of another dialect.
func.func @keys() -> i128 attributes {table = dense<[170141183460469231731687303715884105727, -3]> : tensor<2xi128>} {
  %k = arith.constant 18446744073709551616 : i128
  return %k : i128
}

func.func @tables() {
  "lut.load"() {ones = dense<-1> : tensor<4xi67>,
                grid = dense<[[1, -2], [3, 4]]> : tensor<2x2xi65>,
                raw = dense<"0x0100000000000000000000000000000002000000000000000000000000000000"> : tensor<2xi128>} : () -> ()
  return
}
