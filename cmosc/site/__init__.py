"""The Pelican side: plugin registration, generator, page builders, template filters."""
