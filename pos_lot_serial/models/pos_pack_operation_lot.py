# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import math
import unicodedata
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

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


def format_lot_expiration(lot):
    """The lot's expiry date as the POS reads it, or False (also without
    product_expiry, which adds the field)."""
    expiration = lot.expiration_date if "expiration_date" in lot._fields else False
    return expiration and fields.Datetime.to_string(expiration)


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

    lot_expiration_date = fields.Date(
        string="Expiry Date",
        readonly=True,
        help="Expiry date of the lot when the number was sold, printed on the receipt.",
    )

    @api.model
    def _load_pos_data_fields(self, config):
        return [*super()._load_pos_data_fields(config), "lot_expiration_date"]

    @api.model_create_multi
    def create(self, vals_list):
        """Check each number the POS sends; keep the good ones.

        Numbers are trimmed, empty ones ignored. A number that fails a check is
        not kept on the line (so no stock move consumes it): its order line
        records it with the reason instead, and the order goes on.
        """
        trusted = self.env.context.get(
            "pos_lot_serial_lots_resolved"
        ) or self.env.context.get("pos_lot_serial_copy")
        for vals in vals_list:
            if isinstance(vals.get("lot_name"), str):
                vals["lot_name"] = vals["lot_name"].strip()
            elif "lot_name" in vals and vals["lot_name"] is not False:
                vals["lot_name"] = False  # not a text: nothing to keep
            if not trusted:
                # The lot is found from the name here, never taken from a caller.
                vals.pop("lot_id", None)
        self._prepare_lot_ids(vals_list)
        records = super().create(vals_list)
        records._set_lot_expiration_dates()
        if self.env.context.get("pos_lot_serial_copy"):
            return records
        return records._keep_valid_numbers()

    @api.model
    def _get_lot_expiration_day(self, lot):
        """The day ``lot`` expires where the shop is (not in UTC), or False."""
        if "expiration_date" not in lot._fields or not lot.expiration_date:
            return False
        return fields.Datetime.context_timestamp(self, lot.expiration_date).date()

    def _set_lot_expiration_dates(self):
        """Take the expiry date from the lot itself, writing only what differs
        (numbers resolved with their order line have it already)."""
        by_date = defaultdict(lambda: self.browse())
        for record in self.filtered("lot_id"):
            day = self._get_lot_expiration_day(record.lot_id)
            if record.lot_expiration_date != day:
                by_date[day] |= record
        for day, records in by_date.items():
            records.lot_expiration_date = day

    def copy(self, default=None):
        """Copies (refunds made from the backend) keep the numbers as they are."""
        return super(
            PosPackOperationLot, self.with_context(pos_lot_serial_copy=True)
        ).copy(default)

    def write(self, vals):
        """A renamed number is trimmed, linked again and checked again.

        The lot of a number is always found from its name: a ``lot_id`` given by
        a caller is ignored.
        """
        if "lot_id" in vals and not self.env.context.get(
            "pos_lot_serial_lots_resolved"
        ):
            vals = {key: value for key, value in vals.items() if key != "lot_id"}
        if not isinstance(vals.get("lot_name"), str):
            return super().write(vals)
        vals = {**vals, "lot_name": vals["lot_name"].strip()}
        error = get_lot_name_format_error(self.env, vals["lot_name"])
        if error:
            self._refuse_pos_numbers(dict.fromkeys(self, error), name=vals["lot_name"])
            self.unlink()
            return True
        vals["lot_id"] = False
        vals.setdefault("lot_expiration_date", False)
        result = super().write(vals)
        self._link_stock_lots()
        self._set_lot_expiration_dates()
        self._keep_valid_numbers()
        return result

    def _keep_valid_numbers(self):
        """Check the numbers; delete the refused and empty lines, return the rest."""
        empty = self.filtered(lambda record: not record.lot_name)
        refusals = (self - empty)._check_pos_numbers()
        refused = self.browse([record.id for record in refusals])
        if refusals and self.env.context.get("pos_lot_serial_strict"):
            raise UserError(
                "\n".join(
                    f"{describe_refused_name(record.lot_name)}: {reason}"
                    for record, reason in refusals.items()
                )
            )
        if refusals:
            self._refuse_pos_numbers(refusals)
        dropped = empty | refused
        dropped.unlink()
        return self - dropped

    @api.model
    def _prepare_lot_ids(self, vals_list):
        """Put in ``vals_list`` the ``lot_id`` of each number, found in one search."""
        wanted = [
            vals
            for vals in vals_list
            if vals.get("lot_name")
            and vals.get("pos_order_line_id")
            # Lines created with their order line were resolved with it.
            and "lot_id" not in vals
        ]
        if not wanted:
            return
        order_lines = self.env["pos.order.line"].browse(
            {vals["pos_order_line_id"] for vals in wanted}
        )
        lots = self._find_stock_lots(
            order_lines.product_id, {vals["lot_name"] for vals in wanted}
        )
        for vals in wanted:
            order_line = order_lines.browse(vals["pos_order_line_id"])
            lot = lots.get(
                (
                    order_line.product_id.id,
                    order_line.order_id.company_id.id,
                    vals["lot_name"],
                )
            ) or lots.get((order_line.product_id.id, False, vals["lot_name"]))
            if lot:
                vals["lot_id"] = lot.id
                vals["lot_expiration_date"] = self._get_lot_expiration_day(lot)

    @api.model
    def _find_stock_lots(self, products, names, lots=None):
        """``{(product id, company id or False, name): lot}`` for these numbers."""
        if lots is None:
            lots = (
                self.env["stock.lot"]
                .sudo()
                .search(
                    [("product_id", "in", products.ids), ("name", "in", list(names))]
                )
            )
        return {(lot.product_id.id, lot.company_id.id, lot.name): lot for lot in lots}

    def _link_stock_lots(self, lots=None):
        """Set ``lot_id`` on the lines that have none yet.

        :param lots: candidate ``stock.lot`` records; searched by product and
            name when not given. A lot of another company is never linked.
        """
        lines = self.filtered(lambda line: line.lot_name and not line.lot_id)
        if not lines:
            return
        by_key = self._find_stock_lots(
            lines.product_id, set(lines.mapped("lot_name")), lots=lots
        )
        for line in lines:
            product_id, name = line.product_id.id, line.lot_name
            company_id = line.order_id.company_id.id
            lot = by_key.get((product_id, company_id, name)) or by_key.get(
                (product_id, False, name)
            )
            if lot:
                line.with_context(pos_lot_serial_lots_resolved=True).lot_id = lot

    def _check_pos_numbers(self):
        """Return ``{line: reason}`` for the lines whose number fails a check.

        Stock and earlier sales are read once for all the lines, not per line.
        """
        lines = self.filtered("pos_order_line_id")
        sold_serials = lines._get_serials_to_check()
        # Sessions that deliver each order at once consume the serial's quant in
        # the same transaction, so PostgreSQL serializes two sales of it; those
        # that deliver at closing do not, and take a lock on the serial.
        if any(lines.order_id.session_id.mapped("update_stock_at_closing")):
            lines._lock_serials()
        sold_elsewhere = lines._get_serials_sold_elsewhere(sold_serials)
        stock = lines._get_serial_stock(sold_serials)
        seen = set()
        refusals = {}
        accepted = {}
        refundable = {}
        for line in lines:
            reason = line._get_pos_number_refusal(
                seen, stock, sold_elsewhere, refundable
            )
            order_line = line.pos_order_line_id
            if not reason and order_line.product_id.tracking == "serial":
                # One serial per unit: numbers kept before count, extra ones not.
                if order_line not in accepted:
                    stored = order_line.pack_lot_ids.filtered("lot_name") - lines
                    accepted[order_line] = len(stored)
                if accepted[order_line] >= math.ceil(abs(order_line.qty) - 1e-6):
                    reason = self.env._("more serial numbers than units on the line")
                else:
                    accepted[order_line] += 1
            if reason:
                refusals[line] = reason
        return refusals

    def _get_serials_to_check(self):
        """The known serials these lines sell (refunds bring serials back)."""
        return self.filtered(
            lambda line: (
                line.lot_id
                and line.product_id.tracking == "serial"
                and line.pos_order_line_id.qty > 0
            )
        ).lot_id

    def _get_serial_stock(self, serials):
        """``{(lot id, picking type id): quantity}`` where each POS sells from."""
        stock = {}
        if not serials:
            return stock
        Quant = self.env["stock.quant"].sudo()
        picking_types = self.order_id.config_id.sudo().picking_type_id
        for picking_type in picking_types:
            groups = Quant._read_group(
                [
                    ("lot_id", "in", serials.ids),
                    (
                        "location_id",
                        "child_of",
                        picking_type.default_location_src_id.id,
                    ),
                ],
                groupby=["lot_id"],
                aggregates=["quantity:sum"],
            )
            for lot, quantity in groups:
                stock[lot.id, picking_type.id] = quantity
        return stock

    def _get_serials_sold_elsewhere(self, serials):
        """Ids of the serials another paid POS order sold and did not deliver.

        A serial counts while the transfers of the order that sold it (with
        their backorders, or its session's when stock moves at closing) have
        not moved it, less the refunds not delivered either.
        """
        if not serials:
            return set()
        others = self.sudo().search(
            [
                ("id", "not in", self.ids),
                ("lot_id", "in", serials.ids),
                ("order_id.state", "in", SOLD_ORDER_STATES),
            ]
        )
        if not others:
            return set()
        moved = others._get_delivered_serials()
        pending = defaultdict(int)
        for other in others:
            order = other.pos_order_line_id.order_id
            sources = {("order", order.id), ("session", order.session_id.id)}
            if any((source, other.lot_id.id) in moved for source in sources):
                continue
            pending[other.lot_id.id] += 1 if other.pos_order_line_id.qty > 0 else -1
        return {lot_id for lot_id, count in pending.items() if count > 0}

    def _get_delivered_serials(self):
        """``{(("order", id) or ("session", id), lot id)}`` for the lots of these
        lines that a done transfer of their order (or session) moved."""
        orders = self.pos_order_line_id.order_id
        pickings = (
            self.env["stock.picking"]
            .sudo()
            ._get_pos_root_pickings(orders)
            ._with_backorders()
        )
        moved = set()
        for picking in pickings.filtered(lambda picking: picking.state == "done"):
            source = picking._get_pos_source()
            for move_line in picking.move_line_ids:
                if move_line.lot_id in self.lot_id:
                    moved.add((source, move_line.lot_id.id))
        return moved

    def _get_pos_number_refusal(self, seen, stock, sold_elsewhere, refundable):
        """Why this line's number cannot be sold, or False when it can.

        :param refundable: cache of ``_get_refund_refusal``, per refund line
        """
        self.ensure_one()
        format_error = get_lot_name_format_error(self.env, self.lot_name)
        if format_error:
            return format_error
        order_line = self.pos_order_line_id
        product = order_line.product_id
        if product.tracking not in ("serial", "lot"):
            return False
        key = (product.id, self.lot_name, order_line.qty > 0)
        if product.tracking == "serial" and key in seen:
            return self.env._("entered twice")
        seen.add(key)
        picking_type = order_line.order_id.config_id.sudo().picking_type_id
        if not self.lot_id and not picking_type.use_create_lots:
            return self.env._(
                "unknown number for this product and company, and the operation "
                "type does not create lots"
            )
        if order_line.qty < 0 and order_line.refunded_orderline_id:
            return self._get_refund_refusal(refundable)
        if not self.lot_id or product.tracking != "serial" or order_line.qty <= 0:
            return False
        if (
            stock.get((self.lot_id.id, picking_type.id), 0) <= 0
            and not self._is_reserved_by_sale_line()
        ):
            return self.env._("no longer in stock (sold or moved)")
        if self.lot_id.id in sold_elsewhere:
            return self.env._("already sold in another order, not yet delivered")
        return False

    def _get_refund_refusal(self, refundable):
        """Why a refund line cannot take back this number, or False.

        :param refundable: ``{refund line: {number: quantity}}``, filled here
            once per refund line
        """
        order_line = self.pos_order_line_id
        refunded = order_line.refunded_orderline_id
        if order_line not in refundable:
            refundable[order_line] = refunded._get_refundable_lot_quantities(
                exclude=order_line
            )
        left_by_name = refundable[order_line]
        if self.lot_name in left_by_name:
            left = left_by_name[self.lot_name]
            if (
                order_line.product_id.tracking == "lot"
                and order_line.product_id.uom_id.compare(abs(order_line.qty), left) > 0
            ):
                return self.env._(
                    "only %(left)s of this lot can still come back", left=left
                )
            return False
        if self.lot_name in refunded.pack_lot_ids.mapped("lot_name"):
            return self.env._("already refunded")
        return self.env._("not sold on the refunded line")

    def _is_reserved_by_sale_line(self):
        """Whether the sales order this line settles still reserves this lot.

        Such a serial may have left the POS location already (first step of a
        two-step delivery) while still belonging to this sale; one the order
        delivered is not reserved any more.
        """
        sale_line = self.pos_order_line_id.sale_order_line_id
        move_lines = sale_line.sudo().move_ids.move_line_ids.filtered(
            lambda move_line: move_line.state not in ("done", "cancel")
        )
        return self.lot_id in move_lines.lot_id

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
    def _refuse_pos_numbers(self, refusals, name=None):
        """Record refused numbers on their order lines, with the reasons.

        :param refusals: ``{pack-lot line: reason}``
        :param name: the refused name, when it is not the stored one
        """
        by_line = defaultdict(list)
        for record, reason in refusals.items():
            shown = describe_refused_name(record.lot_name if name is None else name)
            by_line[record.pos_order_line_id].append(f"{shown}: {reason}")
        for order_line, issues in by_line.items():
            order_line._add_lot_issues(issues)
            _logger.warning(
                "POS order %s line %s: lot/serial numbers refused: %s",
                order_line.order_id.name,
                order_line.id,
                "; ".join(issues),
            )
