"""`make bench`: speed and size of the build against plain Pelican and plain Jinja."""
