"""Pure renderables of the terminal UI: data in, Rich segments out, no App needed."""
