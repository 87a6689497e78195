func.func @idx(%a: index, %b: index, %i: i32) -> i1 {
  %0 = index.constant 4
  %1 = index.add %0, %a
  %2 = index.ceildivs %1, %b
  %3 = index.shl %2, %0
  %4 = index.cmp slt(%3, %b)
  %5 = index.casts %i : i32 to index
  %6 = index.castu %5 : index to i64
  %t = index.bool.constant true
  %s = index.sizeof
  %7 = index.and %5, %s
  return %4 : i1
}
