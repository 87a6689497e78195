module @outer {
  module @inner {
    func.func @f() {
      return
    }
  }
  func.func @g() {
    return
  }
}
