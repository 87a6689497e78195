func.func private @wide(i16777215)
func.func private @too_wide(i16777216)
