from ir_studio.cli.main import entry

entry()
