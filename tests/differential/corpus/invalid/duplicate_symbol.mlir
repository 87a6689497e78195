func.func @dup() {
  return
}
func.func @dup() {
  return
}
