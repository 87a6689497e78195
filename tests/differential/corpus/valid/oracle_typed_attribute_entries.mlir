// A string or dialect attribute may carry a type in an attribute dictionary.
func.func @tagged() attributes {label = "entry" : !doc.text, weight = #doc.weight<3> : i32} {
  "doc.note"() {text = "hello" : !doc.text, kind = #doc.kind : i8} : () -> ()
  return
}
