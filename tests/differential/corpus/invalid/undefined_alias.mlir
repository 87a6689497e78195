func.func @f(%x: !undefined_alias) {
  return
}
