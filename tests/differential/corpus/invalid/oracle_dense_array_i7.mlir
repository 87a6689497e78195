func.func @f() attributes {a = array<i7: 1, 2>} { return }
