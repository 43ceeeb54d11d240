from visitation.cli.main import run

run()
