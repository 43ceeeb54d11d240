"""Persistence: tables, engines, migrations and the hash chain. Only `visitation.services` imports this."""
