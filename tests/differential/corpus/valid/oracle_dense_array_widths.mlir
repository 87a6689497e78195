func.func @f() attributes {a = array<i1: true, false>, b = array<bf16: 1.0>, c=array<i16>} { return }
