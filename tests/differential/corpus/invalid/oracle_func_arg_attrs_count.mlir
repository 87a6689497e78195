

func.func private @invalid_arg_attrs() attributes { arg_attrs = [{}] }

