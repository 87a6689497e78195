// A function body is an SSA region even when its ops are unknown.
func.func @use_before_def() -> i1 {
  %a = "netlist.and"(%b, %b) : (i1, i1) -> i1
  %b = "netlist.input"() : () -> i1
  return %a : i1
}
