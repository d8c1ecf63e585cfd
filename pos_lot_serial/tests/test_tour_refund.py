# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_tour import PosLotSerialTourCase


@tagged("post_install", "-at_install")
class TestTourRefund(PosLotSerialTourCase):
    """Refunds take back the serials the cashier chooses; receipts show expiry."""

    def test_partial_refund_of_serials_and_receipt_expiry(self):
        session = self.start_demo_pos_tour("pos_lot_serial_refund")

        orders = self.env["pos.order"].search(
            [("session_id", "=", session.id)], order="id"
        )
        self.assertEqual(orders.mapped("state"), ["paid"] * 3)
        sale, refund, last = orders
        honey = sale.lines.filtered(lambda line: line.product_id.tracking == "lot")
        self.assertEqual(honey.pack_lot_ids.lot_name, "HONEY-2026-11")
        if "expiration_date" in self.env["stock.lot"]._fields:
            self.assertEqual(
                honey.pack_lot_ids.lot_expiration_date,
                honey.pack_lot_ids.lot_id.expiration_date.date(),
            )
        self.assertEqual(refund.lines.qty, -2)
        self.assertEqual(
            sorted(refund.lines.pack_lot_ids.mapped("lot_name")),
            ["EBP-1002", "EBP-1003"],
        )
        returned = refund.picking_ids.move_line_ids
        self.assertEqual(
            sorted(returned.lot_id.mapped("name")), ["EBP-1002", "EBP-1003"]
        )
        stock = self.env["stock.quant"]._get_available_quantity
        earbuds = refund.lines.product_id
        location = self.config.picking_type_id.default_location_src_id
        # After the last refund, each serial is back exactly once.
        for name, expected in (("EBP-1001", 1), ("EBP-1002", 1), ("EBP-1003", 1)):
            lot = self.env["stock.lot"].search(
                [("name", "=", name), ("product_id", "=", earbuds.id)]
            )
            self.assertEqual(stock(earbuds, location, lot_id=lot), expected, name)
        self.assertEqual(last.lines.pack_lot_ids.mapped("lot_name"), ["EBP-1001"])
        self.assertEqual(last.picking_ids.move_line_ids.lot_id.name, "EBP-1001")
