# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import PosLotSerialCommon


@tagged("post_install", "-at_install")
class TestSaleOrderImport(PosLotSerialCommon):
    """What the POS is offered to load from a sales order's deliveries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.partner = cls.env["res.partner"].create({"name": "Lot Customer"})

    def _confirmed_sale(self, product, quantity):
        sale = (
            self.env["sale.order"]
            .sudo()
            .create(
                {
                    "partner_id": self.partner.id,
                    "order_line": [
                        (0, 0, {"product_id": product.id, "product_uom_qty": quantity})
                    ],
                }
            )
        )
        sale.action_confirm()
        return sale.sudo(False)

    def _import(self, sale):
        return sale.order_line.get_pos_lot_serial_import(self.config.id)

    def _lots(self, plan):
        return [(lot["name"], lot["quantity"]) for lot in plan[0]["lots"]]

    def test_core_reads_no_lots(self):
        self._stock_lots(self.lot_product, {"SOI-CORE": 5})
        sale = self._confirmed_sale(self.lot_product, 2)
        converted = sale.order_line.read_converted()
        self.assertEqual(converted[0]["lot_names"], [], "core's prompt never shows")
        self.assertEqual(self._lots(self._import(sale)), [("SOI-CORE", 2.0)])

    def test_serials_are_exactly_the_reserved_ones(self):
        self._stock_lots(self.serial_product, {f"SOI-S{n}": 1 for n in range(1, 5)})
        sale = self._confirmed_sale(self.serial_product, 2)
        reserved = sale.sudo().picking_ids.move_line_ids.lot_id.mapped("name")
        plan = self._import(sale)
        self.assertEqual(plan[0]["tracking"], "serial")
        self.assertEqual(
            sorted(name for name, _qty in self._lots(plan)), sorted(reserved)
        )
        self.assertEqual(len(reserved), 2)

    def test_partial_reservation_leaves_the_rest_uncovered(self):
        self._stock_lots(self.lot_product, {"SOI-A": 3, "SOI-B": 2})
        sale = self._confirmed_sale(self.lot_product, 7)
        plan = self._import(sale)
        self.assertEqual(plan[0]["quantity"], 7)
        self.assertEqual(sorted(self._lots(plan)), [("SOI-A", 3.0), ("SOI-B", 2.0)])

    def test_two_step_delivery_counts_each_lot_once(self):
        self.warehouse.sudo().delivery_steps = "pick_ship"
        self._stock_lots(self.lot_product, {"SOI-2A": 2})
        sale = self._confirmed_sale(self.lot_product, 4)
        pick = sale.sudo().picking_ids
        self.assertEqual(pick.location_dest_id.usage, "internal", "the pick step")
        pick.move_ids.picked = True
        pick.with_context(cancel_backorder=False)._action_done()
        ship = sale.sudo().picking_ids.filtered(
            lambda picking: picking.location_dest_id.usage == "customer"
        )
        self.assertEqual(ship.move_line_ids.lot_id.name, "SOI-2A", "ship holds it too")
        # Both steps hold the 2 units of SOI-2A: they are offered once, and the
        # 2 units not picked yet stay without number.
        self.assertEqual(self._lots(self._import(sale)), [("SOI-2A", 2.0)])

    def test_delivered_lots_are_not_offered(self):
        self._stock_lots(self.lot_product, {"SOI-D": 10})
        sale = self._confirmed_sale(self.lot_product, 4)
        delivery = sale.sudo().picking_ids
        delivery.move_ids.quantity = 1
        delivery.move_ids.picked = True
        delivery.with_context(cancel_backorder=False)._action_done()
        self.assertEqual(sale.order_line.qty_delivered, 1)
        self.assertEqual(self._lots(self._import(sale)), [("SOI-D", 3.0)])

    def test_untracked_and_unreserved_lines_offer_nothing(self):
        sale = self._confirmed_sale(self.plain_product, 1)
        self.assertEqual(self._import(sale), [])
        sale = self._confirmed_sale(self.lot_product, 1)
        self.assertEqual(self._import(sale), [], "nothing in stock, nothing reserved")

    def test_serial_the_order_delivered_is_not_sold_again(self):
        self.open_new_session()
        self._stock_lots(self.serial_product, {"SOI-DONE": 1})
        sale = self._confirmed_sale(self.serial_product, 2)
        delivery = sale.sudo().picking_ids
        delivery.move_ids.picked = True
        delivery.with_context(cancel_backorder=False)._action_done()
        self.assertEqual(delivery.state, "done")
        line = self._line(self.serial_product, 1, ["SOI-DONE"])
        order = self._sync_order([{**line, "sale_order_line_id": sale.order_line.id}])
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.lines.pack_lot_ids)
        self.assertIn("no longer in stock", order.lines.lot_issue)
