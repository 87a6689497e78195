"""The headless `ir-studio` command line: stdout is data, stderr is diagnostics."""
