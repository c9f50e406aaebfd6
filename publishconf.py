"""Settings for the published site (`make publish`): pelicanconf plus the public URL."""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *  # noqa: E402,F401,F403

# GitHub Actions sets this from the Pages URL; override with SITEURL=… when needed.
SITEURL = os.environ.get("SITEURL", "")
RELATIVE_URLS = False
