"""The Typer CLI. Command modules import services inside their functions so `--help` stays light."""
