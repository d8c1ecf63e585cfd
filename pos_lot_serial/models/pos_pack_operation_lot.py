# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class PosPackOperationLot(models.Model):
    _inherit = "pos.pack.operation.lot"

    lot_id = fields.Many2one(
        comodel_name="stock.lot",
        string="Lot/Serial Number",
        index="btree_not_null",
        readonly=True,
        help="The lot or serial number of this product and company that bears "
        "this name, once it exists in Inventory.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        """Trim the typed numbers and link each line to its ``stock.lot``."""
        for vals in vals_list:
            if isinstance(vals.get("lot_name"), str):
                vals["lot_name"] = vals["lot_name"].strip()
        records = super().create(vals_list)
        records._link_stock_lots()
        return records

    def _link_stock_lots(self, lots=None):
        """Set ``lot_id`` on the lines that have none yet.

        :param lots: candidate ``stock.lot`` records; searched by product and
            name when not given. A lot of another company is never linked.
        """
        lines = self.filtered(lambda line: line.lot_name and not line.lot_id)
        if not lines:
            return
        if lots is None:
            lots = (
                self.env["stock.lot"]
                .sudo()
                .search(
                    [
                        ("product_id", "in", lines.product_id.ids),
                        ("name", "in", list(set(lines.mapped("lot_name")))),
                    ]
                )
            )
        by_key = {(lot.product_id.id, lot.company_id.id, lot.name): lot for lot in lots}
        for line in lines:
            product_id, name = line.product_id.id, line.lot_name
            company_id = line.order_id.company_id.id
            lot = by_key.get((product_id, company_id, name)) or by_key.get(
                (product_id, False, name)
            )
            if lot:
                line.lot_id = lot
