# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Two commands are the contract: `make run` (the demo shop) and `make test`.
# Everything they need is set up by scripts/devenv.sh (see README.md).

.PHONY: run test setup lint bench

run:
	@bash scripts/devenv.sh run

test:
	@bash scripts/devenv.sh test

setup:
	@bash scripts/devenv.sh setup

lint:
	@bash scripts/devenv.sh lint

bench:
	@bash scripts/devenv.sh bench
