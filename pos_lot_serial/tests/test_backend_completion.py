# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import PosLotSerialCommon


@tagged("post_install", "-at_install")
class TestBackendCompletion(PosLotSerialCommon):
    """A manager fills in numbers missing after the sale; the transfer finishes."""

    def setUp(self):
        super().setUp()
        self.open_new_session()
        self.serials = self._stock_lots(
            self.serial_product, {"BC-1": 1, "BC-2": 1, "BC-3": 1}
        )
        self.lots = self._stock_lots(self.lot_product, {"BCL-A": 5, "BCL-B": 5})

    def _waiting_transfers(self, order):
        return self.env["stock.picking"]._get_pending_pos_pickings(order)

    def _fill(self, line, serials=None, lot=None):
        wizard = Form(
            self.env["pos.lot.serial.completion"].with_context(default_line_id=line.id)
        )
        if serials is not None:
            for serial in serials:
                wizard.serial_ids.add(serial)
        if lot is not None:
            wizard.lot_id = lot
        return wizard.save().action_confirm()

    def test_list_shows_lines_missing_numbers(self):
        order = self._sync_order(
            [
                self._line(self.serial_product, 2, ["BC-1"]),
                self._line(self.lot_product, 1, ["BCL-A"]),
            ]
        )
        action = self.env.ref("pos_lot_serial.pos_order_line_action_lot_attention")
        listed = self.env["pos.order.line"].search(
            [("lot_needs_attention", "=", True), ("order_id", "=", order.id)]
        )
        self.assertEqual(listed.product_id, self.serial_product)
        self.assertEqual(listed.lot_missing_count, 1)
        self.assertIn("search_default_lot_needs_attention", action.context)

    def test_filled_serial_completes_the_waiting_transfer(self):
        order = self._sync_order(
            [
                self._line(self.serial_product, 2, ["BC-1"]),
                self._line(self.lot_product, 2),
                self._line(self.plain_product, 1),
            ]
        )
        serial_line, lot_line = order.lines[:2]
        waiting = self._waiting_transfers(order)
        self.assertEqual(len(waiting), 1, "the missing units wait in one transfer")

        by_name = {lot.name: lot for lot in self.serials}
        action = self._fill(serial_line, serials=by_name["BC-3"])
        self.assertEqual(serial_line.lot_missing_count, 0)
        self.assertIn(waiting.name, action["params"]["message"], "the manager is told")
        self.assertEqual(waiting.state, "assigned", "the lot line still misses its lot")

        self._fill(lot_line, lot=self.lots[1])
        self.assertEqual(waiting.state, "done")
        self.assertEqual(
            sorted((ml.lot_id.name, ml.quantity) for ml in waiting.move_line_ids),
            [("BC-3", 1.0), ("BCL-B", 2.0)],
            "the transfer moved exactly the numbers filled in",
        )
        self.assertEqual(self._lot_quantity(by_name["BC-2"]), 1, "BC-2 never sold")
        self.assertEqual(self._lot_quantity(by_name["BC-3"]), 0)
        self.assertEqual(self._lot_quantity(self.lots[0]), 5)
        self.assertEqual(self._lot_quantity(self.lots[1]), 3)
        self.assertFalse(
            self.env["pos.order.line"].search(
                [("lot_needs_attention", "=", True), ("order_id", "=", order.id)]
            )
        )

    def test_refused_number_changes_nothing(self):
        other = self._sync_order([self._line(self.serial_product, 1, ["BC-2"])])
        self.assertEqual(other.state, "paid")
        order = self._sync_order([self._line(self.serial_product, 1)])
        by_name = {lot.name: lot for lot in self.serials}
        with self.assertRaises(UserError) as caught:
            self._fill(order.lines, serials=by_name["BC-2"])
        self.assertIn("no longer in stock", str(caught.exception))
        self.assertEqual(order.lines.lot_missing_count, 1)
        self.assertFalse(order.lines.pack_lot_ids)

    def test_more_serials_than_missing_are_refused(self):
        order = self._sync_order([self._line(self.serial_product, 1)])
        with self.assertRaises(UserError) as caught:
            self._fill(order.lines, serials=self.serials[:2])
        self.assertIn("misses 1 serial", str(caught.exception))

    def test_lot_form_lists_the_pos_orders(self):
        by_name = {lot.name: lot for lot in self.serials}
        sale = self._sync_order([self._line(self.serial_product, 1, ["BC-1"])])
        refund = self._sync_order(
            [
                {
                    **self._line(self.serial_product, -1, ["BC-1"]),
                    "refunded_orderline_id": sale.lines.id,
                }
            ]
        )
        lot = by_name["BC-1"]
        self.assertEqual(lot.pos_order_count, 2)
        action = lot.action_view_pos_orders()
        self.assertEqual(self.env["pos.order"].search(action["domain"]), sale | refund)
        self.assertEqual(by_name["BC-2"].pos_order_count, 0)

    def test_lot_of_another_company_is_refused(self):
        other_company = self.env["res.company"].create({"name": "Other Shop Ltd"})
        self.serial_product.company_id = False
        foreign = (
            self.env["stock.lot"]
            .sudo()
            .create(
                {
                    "name": "BC-FOREIGN",
                    "product_id": self.serial_product.id,
                    "company_id": other_company.id,
                }
            )
        )
        self.picking_type.use_create_lots = False
        order = self._sync_order([self._line(self.serial_product, 1)])
        with self.assertRaises(UserError) as caught:
            self._fill(order.lines, serials=foreign)
        self.assertIn("unknown number", str(caught.exception))
        self.assertFalse(order.lines.pack_lot_ids)

    def test_complete_line_is_not_filled_again(self):
        order = self._sync_order([self._line(self.lot_product, 1, ["BCL-A"])])
        with self.assertRaises(UserError) as caught:
            self._fill(order.lines, lot=self.lots[1])
        self.assertIn("all its numbers", str(caught.exception))
        self.assertEqual(order.lines.pack_lot_ids.lot_name, "BCL-A")

    def test_orders_shipped_later_keep_the_warehouse_steps(self):
        customer = self.env["res.partner"].create(
            {"name": "Later Customer", "street": "1 Dock Road", "city": "Ghent"}
        )
        data = self.create_ui_order_data(
            [self._line(self.serial_product, 1)],
            {"shipping_date": str(fields.Date.today())},
            customer=customer,
        )
        self.env["pos.order"].sync_from_ui([data])
        order = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        deliveries = order.picking_ids
        self.assertTrue(deliveries, "a delivery waits in the warehouse")
        self.assertFalse(self._waiting_transfers(order), "not a POS transfer")
        by_name = {lot.name: lot for lot in self.serials}
        self._fill(order.lines, serials=by_name["BC-3"])
        self.assertEqual(order.lines.pack_lot_ids.lot_name, "BC-3")
        self.assertNotIn("done", deliveries.mapped("state"), "left to the warehouse")

    def test_expiry_date_is_the_local_day(self):
        self.env.user.tz = "Asia/Tokyo"
        lot = self._stock_lots(self.lot_product, {"BCL-TZ": 3})
        lot.expiration_date = "2027-01-01 20:00:00"  # 2 January in Tokyo
        order = self._sync_order([self._line(self.lot_product, 1, ["BCL-TZ"])])
        self.assertEqual(order.lines.pack_lot_ids.lot_expiration_date, date(2027, 1, 2))
