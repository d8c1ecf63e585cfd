# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import PosLotSerialCommon


@tagged("post_install", "-at_install")
class TestOrderSync(PosLotSerialCommon):
    """What the server keeps of the numbers the POS sends with an order."""

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def test_serials_are_linked_and_exactly_consumed(self):
        lots = self._stock_lots(self.serial_product, {"SN-1": 1, "SN-2": 1, "SN-3": 1})
        order = self._sync_order([self._line(self.serial_product, 2, ["SN-1", "SN-3"])])

        self.assertEqual(order.state, "paid")
        pack_lots = order.lines.pack_lot_ids
        self.assertEqual(
            pack_lots.lot_id, lots.filtered(lambda lot: lot.name in ("SN-1", "SN-3"))
        )
        move_lines = order.picking_ids.move_line_ids
        self.assertEqual(order.picking_ids.state, "done")
        self.assertEqual(sorted(move_lines.lot_id.mapped("name")), ["SN-1", "SN-3"])
        self.assertEqual(move_lines.mapped("quantity"), [1.0, 1.0])
        by_name = {lot.name: lot for lot in lots}
        self.assertEqual(self._lot_quantity(by_name["SN-1"]), 0)
        self.assertEqual(self._lot_quantity(by_name["SN-2"]), 1, "SN-2 was not sold")
        self.assertEqual(self._lot_quantity(by_name["SN-3"]), 0)

    def test_lot_line_consumes_its_lot_only(self):
        lots = self._stock_lots(self.lot_product, {"LOT-A": 10, "LOT-B": 5})
        order = self._sync_order([self._line(self.lot_product, 3, ["LOT-B"])])

        lot_a, lot_b = lots
        self.assertEqual(order.lines.pack_lot_ids.lot_id, lot_b)
        move_line = order.picking_ids.move_line_ids
        self.assertEqual((move_line.lot_id, move_line.quantity), (lot_b, 3.0))
        self.assertEqual(self._lot_quantity(lot_a), 10)
        self.assertEqual(self._lot_quantity(lot_b), 2)

    def test_typed_numbers_are_trimmed(self):
        lot = self._stock_lots(self.serial_product, {"SN-TRIM": 1})
        order = self._sync_order([self._line(self.serial_product, 1, ["  SN-TRIM \t"])])
        self.assertEqual(order.lines.pack_lot_ids.lot_name, "SN-TRIM")
        self.assertEqual(order.lines.pack_lot_ids.lot_id, lot)

    def test_lines_count_their_missing_numbers(self):
        self._stock_lots(self.serial_product, {"SN-M1": 1, "SN-M2": 1})
        self._stock_lots(self.lot_product, {"LOT-M": 4})
        order = self._sync_order(
            [
                self._line(self.serial_product, 3, ["SN-M1"]),
                self._line(self.serial_product, 1, ["SN-M2"]),
                self._line(self.lot_product, 2),
                self._line(self.lot_product, 1, ["LOT-M"]),
                self._line(self.plain_product, 5),
            ]
        )

        self.assertEqual(order.state, "paid", "missing numbers never block a sale")
        self.assertEqual(order.lines.mapped("lot_missing_count"), [2, 0, 1, 0, 0])
        self.assertEqual(
            order.lines.mapped("lot_complete"), [False, True, False, True, True]
        )

    def test_lot_of_another_company_is_never_linked(self):
        other_company = self.env["res.company"].create({"name": "Other Shop Ltd"})
        self.serial_product.company_id = False
        foreign = self.env["stock.lot"].create(
            {
                "name": "SN-SHARED",
                "product_id": self.serial_product.id,
                "company_id": other_company.id,
            }
        )
        own = self._stock_lots(self.serial_product, {"SN-SHARED": 1})
        order = self._sync_order([self._line(self.serial_product, 1, ["SN-SHARED"])])

        self.assertEqual(order.lines.pack_lot_ids.lot_id, own)
        self.assertEqual(order.picking_ids.move_line_ids.lot_id, own)
        self.assertNotEqual(own, foreign)

    def test_unknown_number_becomes_a_lot_when_the_operation_type_allows(self):
        self.picking_type.use_create_lots = True
        order = self._sync_order([self._line(self.serial_product, 1, ["SN-NEW-1"])])

        lot = self.env["stock.lot"].search(
            [("name", "=", "SN-NEW-1"), ("product_id", "=", self.serial_product.id)]
        )
        self.assertEqual(len(lot), 1, "the unknown serial was created once")
        self.assertEqual(lot.company_id, self.env.company)
        self.assertEqual(order.lines.pack_lot_ids.lot_id, lot)
        self.assertEqual(order.picking_ids.move_line_ids.lot_id, lot)

    def test_numbers_leave_the_sub_location_that_holds_them(self):
        shelf = self.env["stock.location"].create(
            {"name": "Shelf 7", "location_id": self.stock_location.id}
        )
        lots = self._stock_lots(
            self.serial_product, {"SN-SHELF-1": 1, "SN-SHELF-2": 1}, location=shelf
        )
        honey = self._stock_lots(self.lot_product, {"LOT-SHELF": 6}, location=shelf)
        order = self._sync_order(
            [
                self._line(self.serial_product, 2, ["SN-SHELF-1", "SN-SHELF-2"]),
                self._line(self.lot_product, 4, ["LOT-SHELF"]),
            ]
        )

        move_lines = order.picking_ids.move_line_ids
        self.assertEqual(order.picking_ids.state, "done")
        self.assertEqual(move_lines.location_id, shelf, "taken where they are")
        self.assertEqual(move_lines.lot_id, lots | honey)
        self.assertEqual(sorted(move_lines.mapped("quantity")), [1.0, 1.0, 4.0])
        quants = self.env["stock.quant"].search(
            [("location_id", "=", shelf.id), ("quantity", "<", 0)]
        )
        self.assertFalse(quants, "no negative quant anywhere on the shelf")
        self.assertEqual(self._lot_quantity(honey), 2)
