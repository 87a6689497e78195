"""The ir-studio terminal UI (`ir_studio.tui`): step through a pipeline pass by pass."""
