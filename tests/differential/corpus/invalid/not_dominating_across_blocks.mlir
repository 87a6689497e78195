func.func @f(%c: i1, %a: i32) -> i32 {
  cf.cond_br %c, ^l, ^r
^l:
  %x = arith.addi %a, %a : i32
  cf.br ^j
^r:
  cf.br ^j
^j:
  return %x : i32
}
