# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import unicodedata
from collections import defaultdict

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

# Longest number a POS line may carry; longer ones are refused.
LOT_NAME_MAX_LENGTH = 128
# Unicode categories refused in a number: control characters and surrogates.
REFUSED_CATEGORIES = {"Cc", "Cs"}
# Orders whose serials are sold, even while their stock move is not done yet.
SOLD_ORDER_STATES = ("paid", "done")


def get_lot_name_format_error(env, name):
    """Why ``name`` can never be a lot/serial number, or False.

    Checked before anything is stored: PostgreSQL refuses some characters.
    """
    if len(name) > LOT_NAME_MAX_LENGTH:
        return env._("longer than %(max)s characters", max=LOT_NAME_MAX_LENGTH)
    if any(unicodedata.category(char) in REFUSED_CATEGORIES for char in name):
        return env._("contains control characters")
    return False


def describe_refused_name(name):
    """A short, printable form of a refused number for messages and logs."""
    if len(name) > 60:
        name = name[:60] + "…"
    return repr(name)


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
        """Check each number the POS sends; keep the good ones.

        Numbers are trimmed, empty ones ignored. A number that fails a check is
        not kept on the line (so no stock move consumes it): its order line
        records it with the reason instead, and the order goes on.
        """
        for vals in vals_list:
            if isinstance(vals.get("lot_name"), str):
                vals["lot_name"] = vals["lot_name"].strip()
        records = super().create(vals_list)
        records._link_stock_lots()
        empty = records.filtered(lambda record: not record.lot_name)
        refusals = (records - empty)._check_pos_numbers()
        refused = self.browse([record.id for record in refusals])
        if refusals:
            self._refuse_pos_numbers(refusals)
        (empty | refused).unlink()
        return records.exists()

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

    def _check_pos_numbers(self):
        """Return ``{line: reason}`` for the lines whose number fails a check."""
        self._lock_serials()
        seen = set()
        refusals = {}
        for line in self.filtered("pos_order_line_id"):
            reason = line._get_pos_number_refusal(seen)
            if reason:
                refusals[line] = reason
        return refusals

    def _get_pos_number_refusal(self, seen):
        """Why this line's number cannot be sold, or False when it can."""
        self.ensure_one()
        name = self.lot_name
        format_error = get_lot_name_format_error(self.env, name)
        if format_error:
            return format_error
        order_line = self.pos_order_line_id
        product = order_line.product_id
        if product.tracking not in ("serial", "lot"):
            return False
        key = (product.id, name)
        if product.tracking == "serial" and order_line.qty > 0 and key in seen:
            return self.env._("entered twice")
        seen.add(key)
        picking_type = order_line.order_id.config_id.sudo().picking_type_id
        if not self.lot_id and not picking_type.use_create_lots:
            return self.env._(
                "unknown number for this product and company, and the operation "
                "type does not create lots"
            )
        if self.lot_id and product.tracking == "serial" and order_line.qty > 0:
            return self._get_serial_unavailability(picking_type)
        return False

    def _get_serial_unavailability(self, picking_type):
        """Why a known serial cannot be sold (again), or False."""
        self.ensure_one()
        Quant = self.env["stock.quant"].sudo()
        source = picking_type.default_location_src_id
        in_stock = sum(
            Quant.search(
                [
                    ("lot_id", "=", self.lot_id.id),
                    ("location_id", "child_of", source.id),
                ]
            ).mapped("quantity")
        )
        if in_stock <= 0:
            return self.env._("no longer in stock (sold or moved)")
        sold_elsewhere = self.sudo().search_count(
            [
                ("id", "!=", self.id),
                ("lot_id", "=", self.lot_id.id),
                ("pos_order_line_id.qty", ">", 0),
                ("order_id.state", "in", SOLD_ORDER_STATES),
                ("order_id.picking_ids.state", "!=", "done"),
            ]
        )
        if sold_elsewhere:
            return self.env._("already sold in another order, not yet delivered")
        return False

    def _lock_serials(self):
        """Serialize the sale of a serial across concurrent syncs.

        Touching the lot row makes a second transaction selling the same serial
        fail with a serialization error; the RPC layer retries it, and the retry
        sees the serial sold.
        """
        serials = self.filtered(
            lambda line: line.lot_id and line.product_id.tracking == "serial"
        ).lot_id
        if serials:
            self.env.cr.execute(
                "UPDATE stock_lot SET write_date = write_date WHERE id IN %s",
                [tuple(serials.ids)],
            )

    @api.model
    def _refuse_pos_numbers(self, refusals):
        """Record refused numbers on their order lines, with the reasons."""
        by_line = defaultdict(list)
        for record, reason in refusals.items():
            name = describe_refused_name(record.lot_name)
            by_line[record.pos_order_line_id].append(f"{name}: {reason}")
        for order_line, issues in by_line.items():
            order_line.lot_issue = "\n".join(
                filter(None, [order_line.lot_issue, *issues])
            )
            _logger.warning(
                "POS order %s line %s: lot/serial numbers refused: %s",
                order_line.order_id.name,
                order_line.id,
                "; ".join(issues),
            )
