"""CMOSC directory: profiles in YAML, validated, rendered by Pelican."""
