"""Use cases: the only door to the data. Each function runs one short transaction and returns plain data."""
