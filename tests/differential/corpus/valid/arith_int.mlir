func.func @ints(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.muli %0, %b : i32
  %2 = arith.subi %1, %a : i32
  %3 = arith.divsi %2, %b : i32
  %4 = arith.andi %3, %a : i32
  %5 = arith.xori %4, %b : i32
  %c = arith.cmpi slt, %5, %a : i32
  %6 = arith.select %c, %5, %a : i32
  return %6 : i32
}
