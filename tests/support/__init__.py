"""Helpers shared by the tests: expected values read from the data, HTML parsing, Node."""
