# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase


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
        self.start_tour(
            f"/pos/ui?config_id={config.id}", tour_name, login="admin", timeout=180
        )
        return config.current_session_id

    def last_order(self, session):
        return self.env["pos.order"].search(
            [("session_id", "=", session.id)], order="id desc", limit=1
        )
