"""Pure rules and reference data: no database, no Textual, no I/O beyond reading data files."""
