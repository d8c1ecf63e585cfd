# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import PosLotSerialCommon


@tagged("post_install", "-at_install")
class TestRefunds(PosLotSerialCommon):
    """Refund lines take back only numbers sold on the refunded line."""

    def setUp(self):
        super().setUp()
        self.open_new_session()
        lots = self._stock_lots(self.serial_product, {"RF-1": 1, "RF-2": 1, "RF-3": 1})
        self.serials = {lot.name: lot for lot in lots}
        self.honey = self._stock_lots(self.lot_product, {"RF-LOT": 10})
        self.sale = self._sync_order(
            [
                self._line(self.serial_product, 2, ["RF-1", "RF-2"]),
                self._line(self.lot_product, 5, ["RF-LOT"]),
            ]
        )
        self.serial_line, self.lot_line = self.sale.lines

    def _refund(self, sold_line, quantity, names):
        line = self._line(sold_line.product_id, -quantity, names)
        return self._sync_order([{**line, "refunded_orderline_id": sold_line.id}])

    def _refundable(self, line):
        result = line.get_refundable_lot_serials()[line.id]
        return sorted((item["name"], item["quantity"]) for item in result)

    def test_partial_refund_returns_exactly_the_chosen_serial(self):
        refund = self._refund(self.serial_line, 1, ["RF-2"])
        self.assertEqual(refund.state, "paid")
        self.assertEqual(refund.lines.pack_lot_ids.lot_name, "RF-2")
        self.assertFalse(refund.lines.lot_issue)
        returned = refund.picking_ids.move_line_ids
        self.assertEqual(refund.picking_ids.state, "done")
        self.assertEqual((returned.lot_id.name, returned.quantity), ("RF-2", 1.0))
        self.assertEqual(self._lot_quantity(self.serials["RF-1"]), 0)
        self.assertEqual(self._lot_quantity(self.serials["RF-2"]), 1)
        self.assertEqual(self._refundable(self.serial_line), [("RF-1", 1)])

    def test_serial_not_sold_on_the_line_is_refused(self):
        refund = self._refund(self.serial_line, 1, ["RF-3"])
        self.assertEqual(refund.state, "paid", "the refund is never dropped")
        self.assertFalse(refund.lines.pack_lot_ids)
        self.assertIn("not sold on the refunded line", refund.lines.lot_issue)
        self.assertEqual(self._lot_quantity(self.serials["RF-3"]), 1, "not doubled")

    def test_serial_refunded_twice_is_refused(self):
        self._refund(self.serial_line, 1, ["RF-1"])
        again = self._refund(self.serial_line, 1, ["RF-1"])
        self.assertFalse(again.lines.pack_lot_ids)
        self.assertIn("already refunded", again.lines.lot_issue)
        self.assertEqual(self._lot_quantity(self.serials["RF-1"]), 1)

    def test_lot_stays_refundable_until_all_units_are_back(self):
        self._refund(self.lot_line, 2, ["RF-LOT"])
        self.assertEqual(self._refundable(self.lot_line), [("RF-LOT", 3.0)])
        second = self._refund(self.lot_line, 3, ["RF-LOT"])
        self.assertEqual(second.lines.pack_lot_ids.lot_name, "RF-LOT")
        self.assertEqual(self._refundable(self.lot_line), [])
        self.assertEqual(self._lot_quantity(self.honey), 10)
