# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    pos_track_serial = fields.Boolean(
        string="Tracking By Unique Serial Number",
        compute="_compute_pos_tracking_flags",
        inverse="_inverse_pos_track_serial",
        help="Follow each unit by its own serial number, in Inventory and in the "
        "Point of Sale. Makes the product storable.",
    )
    pos_track_lot = fields.Boolean(
        string="Tracking By Lots",
        compute="_compute_pos_tracking_flags",
        inverse="_inverse_pos_track_lot",
        help="Follow the product by lot numbers, in Inventory and in the Point of "
        "Sale. Makes the product storable.",
    )

    @api.depends("tracking", "is_storable")
    def _compute_pos_tracking_flags(self):
        for template in self:
            storable = template.is_storable
            template.pos_track_serial = storable and template.tracking == "serial"
            template.pos_track_lot = storable and template.tracking == "lot"

    @api.onchange("pos_track_serial")
    def _onchange_pos_track_serial(self):
        self._apply_pos_tracking_flag("serial", "pos_track_serial")

    @api.onchange("pos_track_lot")
    def _onchange_pos_track_lot(self):
        self._apply_pos_tracking_flag("lot", "pos_track_lot")

    def _inverse_pos_track_serial(self):
        self._apply_pos_tracking_flag("serial", "pos_track_serial")

    def _inverse_pos_track_lot(self):
        self._apply_pos_tracking_flag("lot", "pos_track_lot")

    def _apply_pos_tracking_flag(self, tracking, flag):
        """Bind a tracking check box to the stock module's ``tracking`` field.

        Checking a box makes the product storable and tracked that way (which
        clears the other box); clearing the box of the current tracking stops
        tracking.
        """
        for template in self:
            if template[flag]:
                template.is_storable = True
                template.tracking = tracking
            elif template.tracking == tracking:
                template.tracking = "none"
