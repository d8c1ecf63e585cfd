# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _create_production_lots_for_pos_order(self, lines):
        """Link the POS pack-lot lines to the lots found or created for them."""
        lots = super()._create_production_lots_for_pos_order(lines)
        lines.pack_lot_ids._link_stock_lots(lots)
        return lots
