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
