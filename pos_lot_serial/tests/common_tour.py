# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import logging
from contextlib import contextmanager
from pathlib import Path

from odoo.tests import HttpCase
from odoo.tests.common import ChromeBrowser

_logger = logging.getLogger(__name__)

# A tour asks for a screenshot by logging this prefix and a file name.
SCREENSHOT_SIGNAL = "pos_lot_serial:screenshot:"
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


class PosLotSerialTourCase(HttpCase):
    """Tours in the demo shop ("Lot & Serial Shop") of the module's demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.env.ref("pos_lot_serial.pos_config_demo_shop")
        cls.env.user.group_ids |= cls.env.ref("point_of_sale.group_pos_manager")

    def start_demo_pos_tour(self, tour_name, config=None):
        """Open a session of the demo shop and run ``tour_name`` in it as admin."""
        config = config or self.config
        config.open_ui()
        with self.screenshots_on_signal():
            self.start_tour(
                f"/pos/ui?config_id={config.id}", tour_name, login="admin", timeout=180
            )
        return config.current_session_id

    def last_order(self, session):
        return self.env["pos.order"].search(
            [("session_id", "=", session.id)], order="id desc", limit=1
        )

    @contextmanager
    def screenshots_on_signal(self):
        """Save a PNG of the page each time the tour logs the screenshot signal.

        The README's screenshots are taken this way, from the real UI in
        headless Chromium, into ``docs/screenshots/<name>.png``.
        """
        original = ChromeBrowser._handle_console

        def handle_console(browser, **params):
            args = params.get("args") or []
            first = str(browser._from_remoteobject(args[0])) if args else ""
            if first.startswith(SCREENSHOT_SIGNAL):
                self._capture(browser, first[len(SCREENSHOT_SIGNAL) :])
            return original(browser, **params)

        ChromeBrowser._handle_console = handle_console
        try:
            yield
        finally:
            ChromeBrowser._handle_console = original

    def _capture(self, browser, name):
        future = browser._websocket_send("Page.captureScreenshot", with_future=True)

        def save(done):
            data = done.result(timeout=0).get("data")
            if data:
                SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
                (SCREENSHOT_DIR / f"{name}.png").write_bytes(base64.b64decode(data))
                _logger.info("Screenshot %s saved in %s", name, SCREENSHOT_DIR)

        if future:
            future.add_done_callback(save)
