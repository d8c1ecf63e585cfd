# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from pathlib import Path

from odoo.tests import HttpCase, tagged

# The Hoot suite of this module: every test file under static/tests/unit/.
HOOT_SUITE = "@pos_lot_serial"
UNIT_DIR = Path(__file__).resolve().parent.parent / "static" / "tests" / "unit"


def hoot_job_id(name):
    """Hoot's id for a suite or test, as its URL ``id`` filter expects."""
    value = 0
    for char in name:
        value = ((value << 5) - value + ord(char)) & 0xFFFFFFFF
    return f"{value:08x}"


@tagged("post_install", "-at_install")
class TestJsUnit(HttpCase):
    def test_hoot_unit_tests_of_the_module(self):
        """Run the module's Hoot unit tests headless: each must run and pass."""
        expected = sum(
            len(re.findall(r"^\s*test\(", path.read_text(), re.MULTILINE))
            for path in UNIT_DIR.glob("*.test.js")
        )
        url = (
            "/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
            f"&id={hoot_job_id(HOOT_SUITE)}"
        )
        with self.assertLogs("odoo.addons.pos_lot_serial", level="INFO") as logs:
            self.browser_js(
                url,
                "",
                "",
                login="admin",
                timeout=900,
                success_signal="[HOOT] Test suite succeeded",
                error_checker=lambda message: "[HOOT]" not in message,
            )
        summary = re.findall(r"\[HOOT\] Passed (\d+) tests", "\n".join(logs.output))
        self.assertEqual(
            [int(count) for count in summary],
            [expected],
            "every Hoot test of the module ran and passed",
        )
