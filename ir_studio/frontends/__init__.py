"""Parsers for the languages ir-studio reads; each returns core data with spans."""
