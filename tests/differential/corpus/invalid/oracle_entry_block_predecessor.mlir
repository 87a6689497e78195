func.func @loop_to_entry() {
^entry:
  %c = "foo.cond"() : () -> i1
  cf.cond_br %c, ^exit, ^entry
^exit:
  return
}
