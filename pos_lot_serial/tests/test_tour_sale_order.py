# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_tour import PosLotSerialTourCase


@tagged("post_install", "-at_install")
class TestTourSaleOrder(PosLotSerialTourCase):
    """Settling a sales order in the POS loads its reserved numbers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The demo order would hold the first serials and lots: free them.
        demo = cls.env.ref("pos_lot_serial.sale_order_demo", raise_if_not_found=False)
        if demo:
            demo._action_cancel()

    def _product(self, xmlid):
        return self.env.ref(f"pos_lot_serial.{xmlid}")

    def _sale(self, customer, lines):
        partner = self.env["res.partner"].create({"name": customer})
        sale = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self._product(xmlid).id,
                            "product_uom_qty": quantity,
                            "price_unit": price,
                            "discount": discount,
                        },
                    )
                    for xmlid, quantity, price, discount in lines
                ],
            }
        )
        sale.action_confirm()
        return sale

    def _orders(self, session):
        return self.env["pos.order"].search(
            [("session_id", "=", session.id)], order="id"
        )

    def _numbers(self, lines):
        return sorted((line.pack_lot_ids.lot_name or "", line.qty) for line in lines)

    def test_ask_then_load_or_skip(self):
        loaded = self._sale(
            "Tour Customer Load",
            [
                ("product_smartphone_x200", 2, 450.0, 0.0),
                ("product_paracetamol", 40, 3.5, 5.0),
            ],
        )
        skipped = self._sale(
            "Tour Customer Skip", [("product_organic_honey", 3, 8.0, 0.0)]
        )
        reserved = loaded.order_line[0].move_ids.move_line_ids.lot_id
        self.assertEqual(len(reserved), 2)
        session = self.start_demo_pos_tour("pos_lot_serial_sale_order_ask")

        first, second = self._orders(session)
        self.assertEqual((first.state, second.state), ("paid", "paid"))
        phones = first.lines.filtered(
            lambda line: line.product_id == self._product("product_smartphone_x200")
        )
        self.assertEqual(phones.pack_lot_ids.lot_id, reserved, "exactly the reserved")
        pills = first.lines.filtered(
            lambda line: line.product_id == self._product("product_paracetamol")
        )
        self.assertEqual(
            self._numbers(pills),
            [("", 2.0), ("PCM-A099", 8.0), ("PCM-A101", 30.0)],
            "one line per lot, the uncovered units without number",
        )
        self.assertEqual(set(pills.mapped("price_unit")), {3.5}, "price kept")
        self.assertEqual(set(pills.mapped("discount")), {5.0}, "discount kept")
        self.assertEqual(pills.sale_order_line_id, loaded.order_line[1])
        self.assertEqual(set(phones.mapped("price_unit")), {450.0})
        consumed = {
            (move_line.lot_id.name, move_line.quantity)
            for move_line in first.picking_ids.move_line_ids
        }
        expected = {(name, 1) for name in reserved.mapped("name")}
        self.assertLessEqual(expected | {("PCM-A099", 8), ("PCM-A101", 30)}, consumed)
        honey = second.lines
        self.assertEqual(self._numbers(honey), [("", 3.0)], "skipped: no number")
        self.assertEqual(honey.lot_missing_count, 1)
        self.assertEqual(honey.sale_order_line_id, skipped.order_line)

    def test_always_load_counts_a_two_step_delivery_once(self):
        self.config.lot_serial_sale_import = "always"
        warehouse = self.config.picking_type_id.warehouse_id
        warehouse.delivery_steps = "pick_ship"
        sale = self._sale("Tour Customer", [("product_organic_honey", 8, 8.0, 0.0)])
        pick = sale.picking_ids
        # Three units of the first lot are picked; the rest is not reserved.
        first_line = pick.move_line_ids.sorted("id")[0]
        lot = first_line.lot_id
        (pick.move_line_ids - first_line).unlink()
        first_line.quantity = 3
        pick.move_ids.picked = True
        pick.with_context(cancel_backorder=False)._action_done()
        sale.picking_ids.filtered(
            lambda picking: (
                picking.state != "done" and picking.location_dest_id.usage == "internal"
            )
        ).do_unreserve()
        ship = sale.picking_ids.filtered(
            lambda picking: picking.location_dest_id.usage == "customer"
        )
        self.assertEqual(ship.move_line_ids.lot_id, lot, "the ship step holds it too")

        session = self.start_demo_pos_tour("pos_lot_serial_sale_order_always")

        order = self.last_order(session)
        self.assertEqual(order.state, "paid")
        self.assertEqual(self._numbers(order.lines), [("", 5.0), (lot.name, 3.0)])

    def test_never_load_leaves_the_lines_without_numbers(self):
        self.config.lot_serial_sale_import = "never"
        self._sale("Tour Customer", [("product_smartphone_x200", 2, 450.0, 0.0)])
        session = self.start_demo_pos_tour("pos_lot_serial_sale_order_never")

        order = self.last_order(session)
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.lines.pack_lot_ids)
        self.assertEqual(order.lines.lot_missing_count, 2)
