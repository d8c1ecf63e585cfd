# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_tour import PosLotSerialTourCase


@tagged("post_install", "-at_install")
class TestTourDemoSale(PosLotSerialTourCase):
    def test_demo_shop_sells_a_phone_with_its_typed_serial(self):
        session = self.start_demo_pos_tour("pos_lot_serial_demo_serial_sale")

        order = self.last_order(session)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.lines.pack_lot_ids.mapped("lot_name"), ["X200-0003"])
        move_lines = order.picking_ids.move_line_ids
        self.assertEqual(move_lines.lot_id.mapped("name"), ["X200-0003"])
        self.assertEqual(order.picking_ids.state, "done")
