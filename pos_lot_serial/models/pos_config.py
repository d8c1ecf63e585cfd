# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import Command, api, fields, models

_logger = logging.getLogger(__name__)

LOT_SERIAL_POLICIES = [
    ("optional", "Optional"),
    ("warn", "Warn at payment"),
    ("required", "Required before payment"),
]
SALE_ORDER_LOT_IMPORT = [
    ("ask", "Ask"),
    ("always", "Always load"),
    ("never", "Never load"),
]


class PosConfig(models.Model):
    _inherit = "pos.config"

    lot_serial_policy = fields.Selection(
        selection=LOT_SERIAL_POLICIES,
        string="Lot/serial numbers",
        default="optional",
        required=True,
        help="What the cashier may do when tracked products miss their numbers:\n"
        "- Optional: the order is paid without a word; the numbers can be filled "
        "in later from the backend.\n"
        "- Warn at payment: a summary of what is missing is shown at Pay and the "
        "cashier may proceed.\n"
        "- Required before payment: Pay is refused until every unit has its "
        "number.",
    )
    lot_serial_sale_import = fields.Selection(
        selection=SALE_ORDER_LOT_IMPORT,
        string="Lots from sales orders",
        default="ask",
        required=True,
        help="When the cashier loads a sales order or quotation whose lines have "
        "reserved lot/serial numbers:\n"
        "- Ask: the POS lists the numbers it would load and asks.\n"
        "- Always load: the numbers are put on the lines without asking.\n"
        "- Never load: the lines arrive without numbers.",
    )

    @api.model
    def _load_pos_lot_serial_demo_data(self):
        """Stock the demo shop: lots and serials, a POS, a sales order, a quotation.

        Called from the module's demo data only; does nothing when the demo shop
        exists already.
        """
        ref = self.env.ref
        if ref("pos_lot_serial.pos_config_demo_shop", raise_if_not_found=False):
            return
        floor = ref("pos_lot_serial.stock_location_shop_floor")
        today = fields.Datetime.now()
        stock = {
            "product_smartphone_x200": [
                (f"X200-{n:04d}", 1, None) for n in range(1, 7)
            ],
            "product_earbuds_pro": [(f"EBP-{n}", 1, None) for n in range(1001, 1005)],
            "product_organic_honey": [
                ("HONEY-2026-09", 5, 10),
                ("HONEY-2026-11", 12, 60),
                ("HONEY-2026-12", 20, 120),
            ],
            "product_paracetamol": [("PCM-A099", 8, 30), ("PCM-A101", 30, 365)],
        }
        Lot = self.env["stock.lot"]
        quants = self.env["stock.quant"].with_context(inventory_mode=True)
        for xmlid, lots in stock.items():
            product = ref(f"pos_lot_serial.{xmlid}")
            for name, quantity, expiry_days in lots:
                lot_vals = {"name": name, "product_id": product.id}
                if expiry_days and "expiration_date" in Lot._fields:
                    lot_vals["expiration_date"] = today + timedelta(days=expiry_days)
                lot = Lot.create(lot_vals)
                quants.create(
                    {
                        "product_id": product.id,
                        "location_id": floor.id,
                        "lot_id": lot.id,
                        "inventory_quantity": quantity,
                    }
                ).action_apply_inventory()
        espresso = ref("pos_lot_serial.product_espresso_beans")
        quants.create(
            {
                "product_id": espresso.id,
                "location_id": floor.id,
                "inventory_quantity": 40,
            }
        ).action_apply_inventory()

        journal, payment_method_ids = self._create_journal_and_payment_methods(
            cash_ref="pos_lot_serial.pos_payment_method_demo_cash",
            cash_journal_vals={"name": "Cash Lot Shop", "show_on_dashboard": False},
        )
        # The shop sells known numbers only: its own operation type creates none.
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        picking_type = warehouse.pos_type_id.copy(
            {
                "name": "Lot & Serial Shop Orders",
                "sequence_code": "LSS",
                "use_create_lots": False,
                "use_existing_lots": True,
            }
        )
        config = self.create(
            {
                "name": "Lot & Serial Shop",
                "picking_type_id": picking_type.id,
                "journal_id": journal.id,
                "payment_method_ids": payment_method_ids,
                "limit_categories": True,
                "iface_available_categ_ids": [
                    (6, 0, ref("pos_lot_serial.pos_category_tracked").ids)
                ],
            }
        )
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": "pos_lot_serial.pos_config_demo_shop",
                    "record": config,
                    "noupdate": True,
                }
            ]
        )

        partner = ref("pos_lot_serial.res_partner_harbor_pharmacy")
        SaleOrder = self.env["sale.order"]
        order = SaleOrder.create(
            {
                "partner_id": partner.id,
                "order_line": [
                    self._demo_sale_line("product_smartphone_x200", 2, 0),
                    self._demo_sale_line("product_organic_honey", 15, 10),
                ],
            }
        )
        order.action_confirm()
        order.picking_ids.action_assign()
        quotation = SaleOrder.create(
            {
                "partner_id": partner.id,
                "order_line": [
                    self._demo_sale_line("product_earbuds_pro", 1, 0),
                    self._demo_sale_line("product_paracetamol", 3, 0),
                ],
            }
        )
        self.env["ir.model.data"]._update_xmlids(
            [
                # noupdate: records created by code would otherwise be deleted
                # as obsolete when the module is updated.
                {
                    "xml_id": "pos_lot_serial.sale_order_demo",
                    "record": order,
                    "noupdate": True,
                },
                {
                    "xml_id": "pos_lot_serial.sale_quotation_demo",
                    "record": quotation,
                    "noupdate": True,
                },
            ]
        )
        _logger.info(
            "pos_lot_serial demo: POS %s, sales order %s, quotation %s",
            config.id,
            order.name,
            quotation.name,
        )

    @api.model
    def _demo_sale_line(self, xmlid, quantity, discount):
        product = self.env.ref(f"pos_lot_serial.{xmlid}")
        return Command.create(
            {
                "product_id": product.id,
                "product_uom_qty": quantity,
                "discount": discount,
            }
        )
