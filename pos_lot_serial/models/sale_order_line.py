# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models
from odoo.exceptions import AccessError

from .pos_order_line import to_record_id
from .pos_pack_operation_lot import format_lot_expiration


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def read_converted(self):
        """Give core's settle flow no lots to load.

        The module asks its own question about the lots of a sales order (see
        ``get_pos_lot_serial_import``); with empty ``lot_names`` core's settle
        flow neither asks nor splits lines a second time.
        """
        results = super().read_converted()
        for item in results:
            if "lot_names" in item:
                item["lot_names"] = []
                item["lot_qty_by_name"] = {}
        return results

    def get_pos_lot_serial_import(self, config_id):
        """Describe the lot/serial numbers the POS may load for these lines.

        A number counts once even when the delivery has several steps (pick,
        then ship): only the first step of each chain is read, less what already
        reached the customer. The total per line never exceeds what is left to
        deliver.

        :param config_id: the POS that settles the order
        :return: list of ``{sale_line_id, product_id, tracking, quantity, lots}``
            where ``lots`` is a list of ``{name, quantity, expiration_date}``,
            for the tracked lines that have numbers only
        """
        self.check_access("read")
        config = self.env["pos.config"].browse(to_record_id(self.env, config_id))
        config = config.exists()
        if not config or config.company_id not in self.env.companies:
            raise AccessError(self.env._("You cannot read this Point of Sale."))
        config.check_access("read")
        result = []
        # Only the lines of the shop's company, each once.
        lines = (
            self.browse(list(dict.fromkeys(self.ids)))
            .sudo()
            .filtered(lambda line: line.company_id == config.company_id)
        )
        for line in lines:
            if line.product_id.tracking not in ("serial", "lot"):
                continue
            left = line.product_uom_qty - max(line.qty_delivered, line.qty_invoiced)
            left = self._convert_qty(line, left, "s2p")
            lots = line._get_pos_lot_serial_quantities(left)
            if not lots:
                continue
            result.append(
                {
                    "sale_line_id": line.id,
                    "product_id": line.product_id.id,
                    "tracking": line.product_id.tracking,
                    "quantity": left,
                    "lots": [
                        self._describe_pos_import_lot(lot, quantity)
                        for lot, quantity in lots.items()
                    ],
                }
            )
        return result

    def _get_pos_lot_serial_quantities(self, limit):
        """``{lot: quantity}`` reserved or picked for this line, at most ``limit``.

        Quantities are in the product's unit, in the order the lots were
        reserved.
        """
        self.ensure_one()
        moves = self.move_ids.filtered(
            lambda move: move.state != "cancel" and move.product_id == self.product_id
        )
        first_steps = moves.filtered(lambda move: not move.move_orig_ids & moves)
        quantities = defaultdict(float)
        for move_line in first_steps.move_line_ids.sorted("id"):
            if move_line.lot_id:
                quantities[move_line.lot_id] += move_line.quantity_product_uom
        delivered = moves.filtered(
            lambda move: (
                move.state == "done" and move.location_dest_id.usage == "customer"
            )
        )
        for move_line in delivered.move_line_ids:
            if move_line.lot_id in quantities:
                quantities[move_line.lot_id] -= move_line.quantity_product_uom
        rounding = self.product_id.uom_id
        kept = {}
        for lot, quantity in quantities.items():
            quantity = min(quantity, limit - sum(kept.values()))
            if rounding.compare(quantity, 0) > 0:
                kept[lot] = quantity
        return kept

    @api.model
    def _describe_pos_import_lot(self, lot, quantity):
        return {
            "name": lot.name,
            "quantity": quantity,
            "expiration_date": format_lot_expiration(lot),
        }
