func.func private @pointers(vector<4x!llvm.ptr>)
func.func private @nested(vector<2xvector<4xf32>>)
