# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_tour import PosLotSerialTourCase


@tagged("post_install", "-at_install")
class TestTourBackend(PosLotSerialTourCase):
    def test_product_form_tracking_boxes_switch_the_stock_tracking(self):
        phone = self.env.ref("pos_lot_serial.product_smartphone_x200")
        with self.screenshots_on_signal():
            self.start_tour(
                "/odoo/action-point_of_sale.product_template_action_pos_product",
                "pos_lot_serial_product_form",
                login="admin",
                timeout=120,
            )
        self.assertEqual(phone.product_tmpl_id.tracking, "lot")
        self.assertTrue(phone.is_storable)
