func.func private @extern_helper(i32) -> i32
func.func nested @nested_helper()
func.func @exported_helper(i32)
