"""`python -m cmosc.cli`: the same as the `cmosc` command."""

import sys

from cmosc.cli.main import main

sys.exit(main())
