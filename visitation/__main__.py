from visitation.cli.entry import run

run()
