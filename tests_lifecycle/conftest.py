# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers for tests that drive whole Odoo processes on their own database."""

import os
import subprocess
from pathlib import Path

import pytest


class OdooProcess:
    """Runs ``odoo-bin`` and ``odoo-bin shell`` against one database."""

    def __init__(self, database):
        self.database = database
        self.python = os.environ["POS_LOT_SERIAL_PYTHON"]
        self.odoo_bin = str(Path(os.environ["ODOO_SRC"]) / "odoo-bin")
        self.config = os.environ["ODOO_RC"]

    def _run(self, args, stdin=None):
        result = subprocess.run(
            [self.python, self.odoo_bin, *args, "-c", self.config, "-d", self.database],
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, (
            f"odoo-bin {' '.join(args)} failed:\n{result.stdout[-3000:]}\n"
            f"{result.stderr[-3000:]}"
        )
        return result.stdout

    def install(self, modules, demo=False):
        args = ["-i", modules, "--stop-after-init", "--log-level=warn"]
        if demo:
            args.append("--with-demo")
        self._run(args)

    def update(self, modules):
        self._run(["-u", modules, "--stop-after-init", "--log-level=warn"])

    def shell(self, code):
        """Run Python ``code`` in ``odoo-bin shell`` and return what it printed."""
        return self._run(["shell", "--log-level=warn", "--no-http"], stdin=code)


@pytest.fixture
def odoo_db(request):
    name = f"pos_lot_serial_{request.node.name[:40]}"
    subprocess.run(["dropdb", "--if-exists", "--force", name], check=True)
    yield OdooProcess(name)
    subprocess.run(["dropdb", "--if-exists", "--force", name], check=True)
