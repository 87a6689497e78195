// Types and attributes of dialects ir-studio does not know, written in the opaque
// form with bodies that do not start with a name.
func.func @opaque(%h: !rt<>) -> !rt<> {
  %t = "rt.table"() {init = #rt<"a \"quoted\" body">, dims = #rt<[4, 4]>} : () -> !rt<"slot 0">
  "rt.use"(%h, %t) : (!rt<>, !rt<"slot 0">) -> ()
  return %h : !rt<>
}
