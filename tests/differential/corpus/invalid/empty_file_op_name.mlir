func.func () {
  return
}
