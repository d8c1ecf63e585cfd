# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import math

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .pos_pack_operation_lot import (
    describe_refused_name,
    format_lot_expiration,
    get_lot_name_format_error,
)

_logger = logging.getLogger(__name__)

# The pop-up never asks for more suggestions than this in one call.
SUGGESTION_LIMIT_MAX = 50
# Nor checks more numbers than this in one call.
CHECK_NAMES_MAX = 500


def to_record_id(env, value):
    """``value`` as a record id, or a clear error for the caller."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise UserError(env._("Invalid record reference: %(value)r", value=value))
    try:
        return int(value)
    except ValueError:
        raise UserError(
            env._("Invalid record reference: %(value)r", value=value)
        ) from None


def count_missing_lot_numbers(tracking, qty, lot_names):
    """Return how many lot/serial numbers a line of ``qty`` units still misses.

    A serial-tracked line needs one distinct serial per unit; a lot-tracked line
    needs one lot. The browser mirrors this rule in ``lot_serial_rules.js``.
    """
    if tracking not in ("serial", "lot") or not qty:
        return 0
    names = {name for name in lot_names if name}
    if tracking == "serial":
        return max(0, math.ceil(abs(qty) - 1e-6) - len(names))
    return 0 if names else 1


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    lot_missing_count = fields.Integer(
        string="Missing Numbers",
        compute="_compute_lot_missing_count",
        store=True,
        help="How many lot/serial numbers this line still needs: one serial per "
        "unit, or one lot per line.",
    )
    lot_complete = fields.Boolean(
        string="Numbers Complete",
        compute="_compute_lot_missing_count",
        store=True,
    )
    lot_issue = fields.Text(
        string="Refused Numbers",
        readonly=True,
        help="Lot/serial numbers the server refused when the order arrived, with "
        "the reason. They were not kept on the line and no stock move uses them.",
    )
    lot_needs_attention = fields.Boolean(
        string="Numbers Need Attention",
        compute="_compute_lot_needs_attention",
        store=True,
        index=True,
    )

    @api.model
    def _load_pos_data_fields(self, config):
        # The POS tells the cashier which numbers the server refused.
        return [*super()._load_pos_data_fields(config), "lot_issue"]

    @api.model_create_multi
    def create(self, vals_list):
        """Refuse, before storing them, numbers that can never be lot names."""
        for vals in vals_list:
            issues = self._drop_malformed_pack_lots(vals)
            if issues:
                vals["lot_issue"] = "\n".join(
                    filter(None, [vals.get("lot_issue"), *issues])
                )
        self._resolve_pack_lot_ids(vals_list)
        # The lots were just found from the names: the pack-lot lines keep them.
        records = super(
            PosOrderLine, self.with_context(pos_lot_serial_lots_resolved=True)
        ).create(vals_list)
        return records.with_env(self.env)

    def write(self, vals):
        """Refuse, before storing them, numbers that can never be lot names."""
        issues = []
        if vals.get("pack_lot_ids"):
            vals = dict(vals)
            issues = self._drop_malformed_pack_lots(vals, own=self.pack_lot_ids)
        result = super().write(vals)
        if issues:
            self._add_lot_issues(issues)
        return result

    def _add_lot_issues(self, issues):
        """Append refused numbers, with their reasons, to ``lot_issue``."""
        for line in self:
            line.lot_issue = "\n".join(filter(None, [line.lot_issue, *issues]))

    @api.model
    def _resolve_pack_lot_ids(self, vals_list):
        """Find the ``stock.lot`` of every new number of these lines at once.

        Each new pack-lot line gets its ``lot_id`` (False when none exists yet),
        so that creating them searches nothing line by line.
        """
        wanted = []
        for vals in vals_list:
            for command in vals.get("pack_lot_ids") or []:
                if not (isinstance(command, (list, tuple)) and command[0] == 0):
                    continue
                pack_vals = command[2] or {}
                name = pack_vals.get("lot_name")
                if isinstance(name, str) and name.strip() and "lot_id" not in pack_vals:
                    wanted.append(
                        (pack_vals, vals.get("product_id"), vals.get("order_id"))
                    )
        if not wanted:
            return
        products = self.env["product.product"].browse(
            {product_id for _vals, product_id, _order in wanted if product_id}
        )
        orders = self.env["pos.order"].browse(
            {order_id for _vals, _product, order_id in wanted if order_id}
        )
        companies = {order.id: order.company_id.id for order in orders}
        PackLot = self.env["pos.pack.operation.lot"]
        lots = PackLot._find_stock_lots(
            products, {pack_vals["lot_name"].strip() for pack_vals, _p, _o in wanted}
        )
        for pack_vals, product_id, order_id in wanted:
            name = pack_vals["lot_name"].strip()
            company_id = companies.get(order_id, self.env.company.id)
            lot = lots.get((product_id, company_id, name)) or lots.get(
                (product_id, False, name)
            )
            pack_vals["lot_id"] = lot.id if lot else False
            pack_vals["lot_expiration_date"] = (
                PackLot._get_lot_expiration_day(lot) if lot else False
            )

    @api.model
    def _drop_malformed_pack_lots(self, vals, own=None):
        """Remove from ``vals`` the pack-lot commands that cannot be kept.

        A new line with a malformed name is not created; an existing one renamed
        so is deleted. Commands that reach pack-lot lines of other order lines
        (link, update, delete, replace) are dropped, as are ``lot_id`` values:
        the server finds the lots itself. Returns the refusals, ``"'name':
        reason"``, for ``lot_issue``.

        :param own: the pack-lot lines of the order lines being written
        """
        commands = vals.get("pack_lot_ids")
        if not isinstance(commands, list):
            return []
        own_ids = set(own.ids) if own else set()
        kept, issues = [], []
        for command in commands:
            if not self._is_own_pack_lot_command(command, own_ids):
                _logger.warning(
                    "POS line of product %s: pack-lot command %r dropped: it does "
                    "not concern this line's own numbers.",
                    vals.get("product_id"),
                    command,
                )
                continue
            is_vals = command[0] in (0, 1) and isinstance(command[2], dict)
            if is_vals:
                command = (command[0], command[1], dict(command[2]))
                command[2].pop("lot_id", None)
            name = command[2].get("lot_name") if is_vals else None
            error = isinstance(name, str) and get_lot_name_format_error(
                self.env, name.strip()
            )
            if not error:
                kept.append(command)
                continue
            issues.append(f"{describe_refused_name(name)}: {error}")
            if command[0] == 1:
                kept.append((2, command[1], 0))
        if issues:
            _logger.warning(
                "POS line of product %s: malformed lot/serial numbers refused: %s",
                vals.get("product_id"),
                "; ".join(issues),
            )
        vals["pack_lot_ids"] = kept
        return issues

    @api.model
    def _is_own_pack_lot_command(self, command, own_ids):
        """Whether an x2many ``command`` only creates numbers or touches
        ``own_ids`` (the line's own pack-lot lines)."""
        if not isinstance(command, (list, tuple)) or not command:
            return False
        if command[0] == 0:
            return len(command) == 3 and isinstance(command[2], dict)
        if command[0] in (1, 2, 3, 4):
            return len(command) >= 2 and command[1] in own_ids
        if command[0] == 6:
            ids = command[2] if len(command) == 3 else None
            return isinstance(ids, (list, tuple)) and set(ids) <= own_ids
        return command[0] == 5

    @api.depends("qty", "product_id", "pack_lot_ids.lot_name", "order_id.config_id")
    def _compute_lot_missing_count(self):
        for line in self:
            picking_type = line.order_id.config_id.picking_type_id
            uses_lots = picking_type.use_create_lots or picking_type.use_existing_lots
            tracking = line.product_id.tracking if uses_lots else "none"
            missing = count_missing_lot_numbers(
                tracking, line.qty, line.pack_lot_ids.mapped("lot_name")
            )
            line.lot_missing_count = missing
            line.lot_complete = not missing

    @api.depends("lot_missing_count", "lot_issue")
    def _compute_lot_needs_attention(self):
        for line in self:
            line.lot_needs_attention = bool(line.lot_missing_count or line.lot_issue)

    @api.model
    def get_lot_serial_suggestions(self, config_id, product_id, query="", limit=20):
        """Return the lots of a product in stock where the POS sells from.

        Only lots with a positive quantity in the source location of the POS
        operation type (or its children) are returned, first expiry first, at
        most ``limit`` of them (capped at 50).

        :return: list of dicts ``{id, name, quantity, expiration_date, expired}``
        """
        config, product = self._check_lot_serial_request(config_id, product_id)
        limit = max(1, min(int(limit or 20), SUGGESTION_LIMIT_MAX))
        locations = self._get_lot_serial_locations(config)
        Lot = self.env["stock.lot"].sudo()
        domain = [
            ("product_id", "=", product.id),
            ("company_id", "in", [False, config.company_id.id]),
            (
                "quant_ids",
                "any",
                [("location_id", "in", locations.ids), ("quantity", ">", 0)],
            ),
        ]
        query = query.strip() if isinstance(query, str) else ""
        if query:
            domain.append(("name", "ilike", query))
        order = "name, id"
        if "expiration_date" in Lot._fields:
            order = "expiration_date asc nulls last, name, id"
        lots = Lot.search(domain, order=order, limit=limit)
        return self._format_lot_serial_lots(lots, locations)

    @api.model
    def check_lot_serial_numbers(self, config_id, product_id, names):
        """Tell, for each number typed for a product, whether it can be sold.

        :return: dict ``{name: {status, quantity, expiration_date, lot_id}}`` where
            status is ``available``, ``expired`` (in stock but past its expiry
            date), ``out_of_stock`` (known, not in the POS location), ``new``
            (unknown, the operation type creates lots) or ``unknown`` (unknown,
            creating lots is not allowed).
        """
        config, product = self._check_lot_serial_request(config_id, product_id)
        if isinstance(names, str):
            names = [names]
        elif not isinstance(names, (list, tuple)):
            names = []
        names = list({str(name).strip() for name in names if name})
        names = [name for name in names if name][:CHECK_NAMES_MAX]
        locations = self._get_lot_serial_locations(config)
        lots = (
            self.env["stock.lot"]
            .sudo()
            .search(
                [
                    ("product_id", "=", product.id),
                    ("company_id", "in", [False, config.company_id.id]),
                    ("name", "in", names),
                ]
            )
        )
        known = {
            lot["name"]: lot for lot in self._format_lot_serial_lots(lots, locations)
        }
        can_create = config.sudo().picking_type_id.use_create_lots
        result = {}
        for name in names:
            lot = known.get(name)
            if not lot:
                status = "new" if can_create else "unknown"
                result[name] = {"status": status, "quantity": 0}
            elif lot["quantity"] <= 0:
                result[name] = {**lot, "status": "out_of_stock"}
            else:
                result[name] = {
                    **lot,
                    "status": "expired" if lot["expired"] else "available",
                }
        return result

    @api.model
    def find_lot_serial_by_name(self, config_id, name):
        """Find the product a scanned lot/serial number belongs to.

        Only products sold in the POS are considered; a lot in stock where the
        POS sells from wins over one that is not.

        :return: ``{product_id, name}`` or False when no product has this number.
        """
        name = name.strip() if isinstance(name, str) else ""
        self.check_access("read")
        config = self.env["pos.config"].browse(to_record_id(self.env, config_id))
        config = config.exists()
        if not config or not name or get_lot_name_format_error(self.env, name):
            return False
        config.check_access("read")
        if config.company_id not in self.env.companies:
            raise AccessError(
                self.env._("You cannot read the lots of another company.")
            )
        lots = (
            self.env["stock.lot"]
            .sudo()
            .search(
                [
                    ("name", "=", name),
                    ("company_id", "in", [False, config.company_id.id]),
                    ("product_id.available_in_pos", "=", True),
                ],
                limit=10,
            )
        )
        if not lots:
            return False
        in_stock = self._format_lot_serial_lots(
            lots, self._get_lot_serial_locations(config)
        )
        best = max(in_stock, key=lambda lot: lot["quantity"] > 0)
        lot = lots.browse(best["id"])
        return {"product_id": lot.product_id.id, "name": lot.name}

    def action_open_lot_serial_completion(self):
        """Open the form where a manager fills in this line's missing numbers."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fill in Lot/Serial Numbers"),
            "res_model": "pos.lot.serial.completion",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_id": self.id},
        }

    def get_refundable_lot_serials(self):
        """The numbers of these sold lines that can still be refunded.

        Refunds already paid on any terminal are read from the database, so a
        number refunded elsewhere is not offered again.

        :return: ``{line id: [{name, quantity}]}``
        """
        self.check_access("read")
        return {
            line.id: [
                {"name": name, "quantity": quantity}
                for name, quantity in line._get_refundable_lot_quantities().items()
            ]
            for line in self
        }

    def _get_refundable_lot_quantities(self, exclude=None):
        """``{number: quantity}`` sold on this line and not refunded yet.

        :param exclude: refund lines not to count (the one being checked)
        """
        self.ensure_one()
        line = self.sudo()
        serial = line.product_id.tracking == "serial"
        quantities = {}
        for name in line.pack_lot_ids.mapped("lot_name"):
            quantities[name] = quantities.get(name, 0) + (
                1 if serial else abs(line.qty)
            )
        refunds = line.refund_orderline_ids.filtered(
            lambda refund: (
                refund.order_id.state not in ("draft", "cancel")
                and refund not in (exclude or self.browse())
            )
        )
        for refund in refunds:
            for name in refund.pack_lot_ids.mapped("lot_name"):
                if name in quantities:
                    quantities[name] -= 1 if serial else abs(refund.qty)
        rounding = line.product_id.uom_id
        return {
            name: quantity
            for name, quantity in quantities.items()
            if rounding.compare(quantity, 0) > 0
        }

    @api.model
    def _check_lot_serial_request(self, config_id, product_id):
        """Return the POS config and product of a request, or raise.

        The caller must be a POS user who can read the config, in one of the
        companies of the request, and the product must belong to that company.
        """
        self.check_access("read")
        config = self.env["pos.config"].browse(to_record_id(self.env, config_id))
        product = self.env["product.product"].browse(to_record_id(self.env, product_id))
        config, product = config.exists(), product.exists()
        if not config or not product:
            raise UserError(
                self.env._("This Point of Sale or product no longer exists.")
            )
        config.check_access("read")
        product.check_access("read")
        foreign_product = product.company_id and product.company_id != config.company_id
        if config.company_id not in self.env.companies or foreign_product:
            raise AccessError(
                self.env._("You cannot read the lots of another company.")
            )
        return config, product

    @api.model
    def _get_lot_serial_locations(self, config):
        source = config.sudo().picking_type_id.default_location_src_id
        return source.child_internal_location_ids

    @api.model
    def _format_lot_serial_lots(self, lots, locations):
        """Describe ``lots`` with their quantity on hand in ``locations``."""
        if not lots:
            return []
        groups = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [("lot_id", "in", lots.ids), ("location_id", "in", locations.ids)],
                groupby=["lot_id"],
                aggregates=["quantity:sum"],
            )
        )
        quantities = {lot.id: quantity for lot, quantity in groups}
        has_expiry = "expiration_date" in lots._fields
        now = fields.Datetime.now()
        result = []
        for lot in lots:
            expiration = lot.expiration_date if has_expiry else False
            result.append(
                {
                    "id": lot.id,
                    "name": lot.name,
                    "quantity": quantities.get(lot.id, 0.0),
                    "expiration_date": format_lot_expiration(lot),
                    "expired": bool(expiration and expiration < now),
                }
            )
        return result
