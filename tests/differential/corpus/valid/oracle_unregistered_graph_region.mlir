// An op ir-studio does not know may hold a graph region: uses before definitions
// are fine inside it, as in MLIR.
"netlist.module"() ({
  %a = "netlist.and"(%b, %c) : (i1, i1) -> i1
  %b = "netlist.not"(%a) : (i1) -> i1
  %c = "netlist.input"() : () -> i1
  "netlist.output"(%a) : (i1) -> ()
}) {sym_name = "latch"} : () -> ()
