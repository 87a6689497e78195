func.func @f() {
  return
}
$
