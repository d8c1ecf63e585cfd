# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class PosLotSerialCompletion(models.TransientModel):
    _name = "pos.lot.serial.completion"
    _description = "Fill in the lot/serial numbers of a POS line after the sale"

    line_id = fields.Many2one(
        comodel_name="pos.order.line",
        string="Order Line",
        required=True,
        ondelete="cascade",
    )
    order_id = fields.Many2one(related="line_id.order_id")
    company_id = fields.Many2one(related="line_id.order_id.company_id")
    product_id = fields.Many2one(related="line_id.product_id")
    qty = fields.Float(related="line_id.qty")
    tracking = fields.Selection(related="line_id.product_id.tracking")
    lot_missing_count = fields.Integer(related="line_id.lot_missing_count")
    known_lot_names = fields.Char(
        string="Numbers Already Kept", compute="_compute_known_lot_names"
    )
    lot_issue = fields.Text(related="line_id.lot_issue")
    serial_ids = fields.Many2many(
        comodel_name="stock.lot",
        string="Serial Numbers",
        domain="[('product_id', '=', product_id), "
        "('company_id', 'in', (company_id, False))]",
    )
    lot_id = fields.Many2one(
        comodel_name="stock.lot",
        domain="[('product_id', '=', product_id), "
        "('company_id', 'in', (company_id, False))]",
    )

    @api.depends("line_id.pack_lot_ids.lot_name")
    def _compute_known_lot_names(self):
        for wizard in self:
            wizard.known_lot_names = ", ".join(
                wizard.line_id.pack_lot_ids.mapped("lot_name")
            )

    def action_confirm(self):
        """Keep the chosen numbers on the line, then finish its waiting transfer.

        The numbers go through the same checks as those sent by the POS; any
        refusal stops here with its reason and nothing is changed.
        """
        self.ensure_one()
        line = self.line_id
        lots = self.serial_ids if self.tracking == "serial" else self.lot_id
        if not line.lot_missing_count:
            raise UserError(self.env._("This line has all its numbers already."))
        if not lots:
            raise UserError(self.env._("Choose the numbers to add to the line."))
        if self.tracking == "serial" and len(lots) > line.lot_missing_count:
            raise UserError(
                self.env._(
                    "This line misses %(missing)s serial numbers; %(chosen)s were "
                    "chosen.",
                    missing=line.lot_missing_count,
                    chosen=len(lots),
                )
            )
        already = lots.filtered(
            lambda lot: lot.name in line.pack_lot_ids.mapped("lot_name")
        )
        if already:
            raise UserError(
                self.env._(
                    "Already on the line: %(names)s",
                    names=", ".join(already.mapped("name")),
                )
            )
        self.env["pos.pack.operation.lot"].with_context(
            pos_lot_serial_strict=True
        ).create(
            [
                # The name is resolved again to the lot of the order's company.
                {"pos_order_line_id": line.id, "lot_name": lot.name}
                for lot in lots
            ]
        )
        if not line.lot_missing_count and line.lot_issue:
            line.order_id.message_post(
                body=self.env._(
                    "Numbers of %(product)s completed by %(user)s; refused at sale: "
                    "%(issue)s",
                    product=line.product_id.display_name,
                    user=self.env.user.name,
                    issue=line.lot_issue,
                )
            )
            line.lot_issue = False
        pickings = self.env["stock.picking"]._get_pending_pos_pickings(line.order_id)
        validated = pickings._complete_pos_lot_serials()
        _logger.info(
            "POS order %s line %s: %s numbers filled in by user %s; transfers "
            "validated: %s",
            line.order_id.name,
            line.id,
            len(lots),
            self.env.uid,
            ", ".join(validated.mapped("name")) or "none",
        )
        still_waiting = pickings - validated
        if not still_waiting:
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "message": self.env._(
                    "The numbers are kept on the line. Transfer %(names)s still "
                    "waits: other numbers are missing, or Inventory refused these "
                    "(see the transfer).",
                    names=", ".join(still_waiting.mapped("name")),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
