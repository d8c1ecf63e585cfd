# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.point_of_sale.tests.common import TestPoSCommon


class PosLotSerialCommon(TestPoSCommon):
    """A POS with serial- and lot-tracked products in stock, and order helpers.

    Orders go through ``pos.order.sync_from_ui``, the entry point the POS uses.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.basic_config
        cls.picking_type = cls.config.picking_type_id
        cls.stock_location = cls.picking_type.default_location_src_id
        cls.serial_product = cls._create_tracked_product("Test Phone", "serial")
        cls.lot_product = cls._create_tracked_product("Test Honey", "lot")
        cls.plain_product = cls.create_product("Test Bag", cls.categ_basic, 2.0)

    @classmethod
    def _create_tracked_product(cls, name, tracking, price=10.0):
        product = cls.create_product(name, cls.categ_basic, price)
        product.tracking = tracking
        return product

    @classmethod
    def _stock_lots(cls, product, quantities, location=None, company=None):
        """Put lots of ``product`` in stock: ``quantities`` maps name to quantity."""
        company = company or cls.env.company
        location = location or cls.stock_location
        lots = cls.env["stock.lot"]
        for name, quantity in quantities.items():
            lot = cls.env["stock.lot"].create(
                {"name": name, "product_id": product.id, "company_id": company.id}
            )
            cls.env["stock.quant"].with_context(inventory_mode=True).create(
                {
                    "product_id": product.id,
                    "location_id": location.id,
                    "lot_id": lot.id,
                    "inventory_quantity": quantity,
                }
            ).action_apply_inventory()
            lots |= lot
        return lots

    def _line(self, product, quantity, lot_names=()):
        """One order line as the POS sends it, with its lot/serial numbers."""
        return {
            "product": product,
            "quantity": quantity,
            "pack_lot_ids": [(0, 0, {"lot_name": name}) for name in lot_names],
        }

    def _sync_order(self, lines, **order_values):
        """Sync one paid order through ``sync_from_ui`` and return it."""
        data = self.create_ui_order_data(lines, order_values)
        self.env["pos.order"].sync_from_ui([data])
        order = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        self.assertEqual(len(order), 1, "the synced order must exist exactly once")
        return order

    def _lot_quantity(self, lot):
        quants = self.env["stock.quant"].search(
            [
                ("lot_id", "=", lot.id),
                ("location_id", "child_of", self.stock_location.id),
            ]
        )
        return sum(quants.mapped("quantity"))
