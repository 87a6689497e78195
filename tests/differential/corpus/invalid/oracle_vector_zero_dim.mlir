func.func private @lanes(vector<4x[8]xf32>) -> vector<1xi1>
func.func private @empty() -> vector<4x0xi32>
