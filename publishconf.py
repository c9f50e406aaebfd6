"""Settings for the published site (`make publish`): pelicanconf plus the public URL."""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from cmosc.settings import repository  # noqa: E402
from pelicanconf import *  # noqa: E402,F401,F403

# GitHub Actions sets this from the Pages URL; without it, the public address CMOSC_REPOSITORIO names.
SITEURL = os.environ.get("SITEURL") or repository(globals()).site_url
RELATIVE_URLS = False
# The public site: the build stops, with a message, when SITEURL is not a public address.
CMOSC_PUBLICACION = True
