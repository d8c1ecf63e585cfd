# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_tour import PosLotSerialTourCase


@tagged("post_install", "-at_install")
class TestTourEntry(PosLotSerialTourCase):
    """The cashier's entry of numbers, proven in the browser."""

    def _lines_by_product(self, order, xmlid):
        product = self.env.ref(f"pos_lot_serial.{xmlid}")
        return order.lines.filtered(lambda line: line.product_id == product)

    def test_serial_entry_keys_numpad_list_button_and_escape(self):
        session = self.start_demo_pos_tour("pos_lot_serial_serial_entry")

        order = self.last_order(session)
        self.assertEqual(order.state, "paid", "missing numbers did not block the sale")
        earbuds = self._lines_by_product(order, "product_earbuds_pro")
        self.assertEqual(earbuds.qty, 3)
        self.assertEqual(
            sorted(earbuds.pack_lot_ids.mapped("lot_name")),
            ["EBP-1001", "EBP-1002", "EBP-1003"],
        )
        self.assertEqual(earbuds.lot_missing_count, 0)
        phones = self._lines_by_product(order, "product_smartphone_x200")
        self.assertEqual(phones.qty, 3, "escaped and discarded units stay in the cart")
        self.assertEqual(phones.pack_lot_ids.mapped("lot_name"), ["X200-0005"])
        self.assertEqual(phones.lot_missing_count, 2)

    def test_lot_entry_with_suggestions_splits_one_line_per_lot(self):
        session = self.start_demo_pos_tour("pos_lot_serial_lot_entry")

        order = self.last_order(session)
        honey = self._lines_by_product(order, "product_organic_honey")
        self.assertEqual(
            sorted((line.pack_lot_ids.lot_name, line.qty) for line in honey),
            [("HONEY-2026-09", 4), ("HONEY-2026-11", 2)],
        )
        self.assertEqual(len(set(honey.mapped("price_unit"))), 1, "same price")
        consumed = {
            move_line.lot_id.name: move_line.quantity
            for move_line in order.picking_ids.move_line_ids
        }
        self.assertEqual(consumed, {"HONEY-2026-09": 4, "HONEY-2026-11": 2})

    def test_required_policy_blocks_payment_until_numbers_are_in(self):
        self.config.lot_serial_policy = "required"
        session = self.start_demo_pos_tour("pos_lot_serial_policy_required")

        order = self.last_order(session)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.lines.pack_lot_ids.mapped("lot_name"), ["X200-0004"])
        self.assertTrue(order.lines.lot_complete)

    def test_warn_policy_lets_the_cashier_proceed(self):
        self.config.lot_serial_policy = "warn"
        session = self.start_demo_pos_tour("pos_lot_serial_policy_warn")

        order = self.last_order(session)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.lines.lot_missing_count, 1)

    def test_scanning_a_serial_or_a_gs1_string_adds_the_product_with_it(self):
        session = self.start_demo_pos_tour("pos_lot_serial_scan")

        order = self.last_order(session)
        numbers = {
            line.product_id.name: line.pack_lot_ids.mapped("lot_name")
            for line in order.lines
        }
        self.assertEqual(
            numbers,
            {"Smartphone X200": ["X200-0006"], "Organic Honey 500g": ["HONEY-2026-12"]},
        )

    def test_offline_entry_is_checked_by_the_server_when_the_order_syncs(self):
        session = self.start_demo_pos_tour("pos_lot_serial_offline")

        order = self.last_order(session)
        self.assertEqual(order.state, "paid", "the order synced once back online")
        line = order.lines
        self.assertEqual(line.pack_lot_ids.mapped("lot_name"), ["X200-0002"])
        self.assertIn("'FAKE-PHONE-9': unknown number", line.lot_issue)
        self.assertEqual(line.lot_missing_count, 1)

    def test_a_lot_named_like_html_shows_as_text(self):
        honey = self.env.ref("pos_lot_serial.product_organic_honey")
        lot = self.env["stock.lot"].create(
            {"name": "<b>HTML-LOT</b>", "product_id": honey.id}
        )
        self.env["stock.quant"]._update_available_quantity(
            honey, self.config.picking_type_id.default_location_src_id, 5, lot_id=lot
        )
        session = self.start_demo_pos_tour("pos_lot_serial_escaping")

        order = self.last_order(session)
        self.assertEqual(order.lines.pack_lot_ids.lot_id, lot)

    def test_keyboard_other_open_orders_and_delete(self):
        session = self.start_demo_pos_tour("pos_lot_serial_keyboard")
        # Draft orders the POS synced, if any, never hold the serial twice.
        twice = self.env["pos.pack.operation.lot"].search_count(
            [("order_id.session_id", "=", session.id), ("lot_name", "=", "EBP-1001")]
        )
        self.assertLessEqual(twice, 1)
