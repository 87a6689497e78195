"""Bundled sample IR (package data): the CLI's and TUI's default inputs."""
