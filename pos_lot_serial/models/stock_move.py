# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _create_production_lots_for_pos_order(self, lines):
        """Return the lots of the POS lines, found or created.

        The numbers were linked to their lots when the order arrived: when all
        are, there is nothing to search again. Lots created here are linked to
        their lines.
        """
        pack_lots = lines.pack_lot_ids.filtered(
            lambda line: line.lot_name and line.product_id in self.product_id
        )
        uses_lots = any(move.picking_type_id.use_existing_lots for move in self)
        if uses_lots and pack_lots and all(line.lot_id for line in pack_lots):
            return pack_lots.lot_id
        lots = super()._create_production_lots_for_pos_order(lines)
        lines.pack_lot_ids._link_stock_lots(lots)
        return lots

    def _set_pos_lots(self, lots):
        """Make this move take exactly ``lots``, up to its demand.

        :param lots: list of ``(stock.lot, quantity in the product's unit)``
        """
        self.ensure_one()
        self._do_unreserve()
        remaining = self.product_qty
        vals_list = []
        for lot, quantity in lots:
            quantity = min(quantity, remaining)
            if self.product_id.uom_id.compare(quantity, 0) <= 0:
                break
            quant = self.env["stock.quant"].search(
                [
                    ("lot_id", "=", lot.id),
                    ("quantity", ">", 0),
                    ("location_id", "child_of", self.location_id.id),
                ],
                order="id desc",
                limit=1,
            )
            vals = self._prepare_move_line_vals(quantity=quantity)
            vals.update(
                lot_id=lot.id, location_id=quant.location_id.id or self.location_id.id
            )
            vals_list.append(vals)
            remaining -= quantity
        self.env["stock.move.line"].create(vals_list)
