# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockLot(models.Model):
    _inherit = "stock.lot"

    # The POS pop-up asks for the first lots of one product, in name order: with
    # this index PostgreSQL reads them in order and stops at the page size.
    _pos_product_name_index = models.Index("(product_id, name, id)")
