# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PosLotSerialCommon


@tagged("post_install", "-at_install")
class TestCraftedPayloads(PosLotSerialCommon):
    """Payloads no honest POS sends: the server keeps stock right and the order."""

    def setUp(self):
        super().setUp()
        self.open_new_session()
        self.picking_type.use_create_lots = False
        lots = self._stock_lots(
            self.serial_product, {"CP-1": 1, "CP-2": 1, "CP-3": 1, "CP-4": 1}
        )
        self.serials = {lot.name: lot for lot in lots}
        self.honey = self._stock_lots(self.lot_product, {"CP-LOT": 10})

    def _refund(self, sold_line, quantity, names):
        line = self._line(sold_line.product_id, -quantity, names)
        return self._sync_order([{**line, "refunded_orderline_id": sold_line.id}])

    def test_a_lot_id_sent_by_the_browser_is_ignored(self):
        other = self._create_tracked_product("Test Tablet", "serial")
        foreign = self._stock_lots(other, {"CP-TAB": 1})
        line = self._line(self.serial_product, 1)
        line["pack_lot_ids"] = [(0, 0, {"lot_name": "CP-1", "lot_id": foreign.id})]
        missing = self._line(self.serial_product, 1)
        missing["pack_lot_ids"] = [(0, 0, {"lot_name": "CP-2", "lot_id": 99999999})]
        order = self._sync_order([line, missing])

        self.assertEqual(order.state, "paid")
        self.assertEqual(
            order.lines.pack_lot_ids.lot_id,
            self.serials["CP-1"] | self.serials["CP-2"],
            "each number is linked to its own lot, whatever the browser said",
        )
        self.assertEqual(self._lot_quantity(foreign), 1, "the tablet never moved")

    def test_commands_on_other_orders_numbers_are_dropped(self):
        first = self._sync_order([self._line(self.serial_product, 1, ["CP-1"])])
        stolen = first.lines.pack_lot_ids
        line = self._line(self.serial_product, 1)
        line["pack_lot_ids"] = [(4, stolen.id), (2, stolen.id)]
        second = self._sync_order([line])

        self.assertTrue(stolen.exists(), "the first order keeps its number")
        self.assertEqual(first.lines.pack_lot_ids, stolen)
        self.assertFalse(second.lines.pack_lot_ids)
        self.assertEqual(second.lines.lot_missing_count, 1)

    def test_malformed_names_never_drop_the_order(self):
        line = self._line(self.serial_product, 2)
        line["pack_lot_ids"] = [
            (0, 0, {"lot_name": ["CP-1"]}),
            (0, 0, None),
            (0, 0, {"lot_name": "CP-2"}),
        ]
        order = self._sync_order([line])
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.lines.pack_lot_ids.mapped("lot_name"), ["CP-2"])

    def test_more_serials_than_units_are_refused(self):
        order = self._sync_order([self._line(self.serial_product, 1, ["CP-1", "CP-2"])])
        self.assertEqual(order.lines.pack_lot_ids.mapped("lot_name"), ["CP-1"])
        self.assertIn("more serial numbers than units", order.lines.lot_issue)
        self.assertEqual(self._lot_quantity(self.serials["CP-2"]), 1, "not sold")

    def test_refunds_take_back_no_more_than_they_pay(self):
        sale = self._sync_order(
            [
                self._line(self.serial_product, 2, ["CP-1", "CP-2"]),
                self._line(self.lot_product, 3, ["CP-LOT"]),
            ]
        )
        serial_line, lot_line = sale.lines
        refund = self._refund(serial_line, 1, ["CP-1", "CP-2"])
        self.assertEqual(refund.lines.pack_lot_ids.mapped("lot_name"), ["CP-1"])
        self.assertEqual(self._lot_quantity(self.serials["CP-2"]), 0, "not back")

        twice = self._refund(serial_line, 2, ["CP-2", "CP-2"])
        self.assertEqual(twice.lines.pack_lot_ids.mapped("lot_name"), ["CP-2"])
        self.assertIn("entered twice", twice.lines.lot_issue)

        too_much = self._refund(lot_line, 50, ["CP-LOT"])
        self.assertFalse(too_much.lines.pack_lot_ids)
        self.assertIn("can still come back", too_much.lines.lot_issue)
        self.assertEqual(self._lot_quantity(self.honey), 7, "no lot stock invented")

    def test_a_serial_filled_in_after_the_sale_is_not_sold_again(self):
        order = self._sync_order([self._line(self.serial_product, 2, ["CP-1"])])
        self.env["pos.pack.operation.lot"].with_context(
            pos_lot_serial_strict=True
        ).create([{"pos_order_line_id": order.lines.id, "lot_name": "CP-3"}])
        waiting = self.env["stock.picking"]._get_pending_pos_pickings(order)
        waiting._complete_pos_lot_serials()

        again = self._sync_order([self._line(self.serial_product, 1, ["CP-3"])])
        self.assertFalse(again.lines.pack_lot_ids)
        self.assertTrue(again.lines.lot_issue)

    def test_bad_arguments_get_a_clear_message(self):
        Line = self.env["pos.order.line"]
        with self.assertRaises(UserError):
            Line.get_lot_serial_suggestions("abc", self.serial_product.id)
        with self.assertRaises(UserError):
            Line.check_lot_serial_numbers(None, self.serial_product.id, ["CP-1"])
        self.assertFalse(Line.find_lot_serial_by_name(self.config.id, "CP\x00"))
        self.assertFalse(Line.find_lot_serial_by_name(self.config.id, {"x": 1}))
        self.assertEqual(
            Line.get_lot_serial_suggestions(
                self.config.id, self.serial_product.id, {"x": 1}, 2
            )[0]["name"],
            "CP-1",
        )
        checked = Line.check_lot_serial_numbers(
            self.config.id, self.serial_product.id, "CP-1"
        )
        self.assertEqual(list(checked), ["CP-1"])

    def test_a_serial_refunded_before_closing_can_be_sold_again(self):
        self.pos_session.update_stock_at_closing = True
        sale = self._sync_order([self._line(self.serial_product, 1, ["CP-4"])])
        self.assertFalse(sale.picking_ids, "stock moves at closing")
        again = self._sync_order([self._line(self.serial_product, 1, ["CP-4"])])
        self.assertIn("already sold", again.lines.lot_issue, "sold, not back yet")
        self._refund(sale.lines, 1, ["CP-4"])

        third = self._sync_order([self._line(self.serial_product, 1, ["CP-4"])])
        self.assertEqual(third.lines.pack_lot_ids.lot_name, "CP-4")
        self.assertFalse(third.lines.lot_issue)
