"""The ir-studio terminal UI (`ir_studio.tui`); built in the TUI issue."""
