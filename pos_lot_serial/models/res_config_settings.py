# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pos_lot_serial_policy = fields.Selection(
        related="pos_config_id.lot_serial_policy",
        readonly=False,
    )
    pos_lot_serial_sale_import = fields.Selection(
        related="pos_config_id.lot_serial_sale_import",
        readonly=False,
    )
