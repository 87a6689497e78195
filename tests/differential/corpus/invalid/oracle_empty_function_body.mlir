func.func private @declared()
func.func @empty() {}
