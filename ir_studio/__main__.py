import sys

from ir_studio.cli.main import main

sys.exit(main())
