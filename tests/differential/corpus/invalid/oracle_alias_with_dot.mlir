!my_i32 = i32
!my.i32 = i32
func.func private @f(!my_i32)
