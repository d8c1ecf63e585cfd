# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from odoo import api, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    @api.model
    def _get_pos_root_pickings(self, orders):
        """The transfers the POS made for ``orders``: each order's own, or its
        session's when stock moves at closing (backorders not included)."""
        return self.search(
            [
                "|",
                ("pos_order_id", "in", orders.ids),
                "&",
                ("pos_order_id", "=", False),
                ("pos_session_id", "in", orders.session_id.ids),
            ]
        )

    @api.model
    def _get_pending_pos_pickings(self, orders):
        """The transfers of ``orders`` still waiting because numbers were missing.

        They are the orders' own transfers (one per session when stock moves at
        closing) and their backorders, which carry no link to the POS.
        """
        picking_types = orders.config_id.picking_type_id
        picking_types |= picking_types.return_picking_type_id
        # Orders shipped later go through the warehouse's own steps.
        roots = self._get_pos_root_pickings(orders).filtered(
            lambda picking: picking.picking_type_id in picking_types
        )
        return roots._with_backorders().filtered(
            lambda picking: picking.state not in ("done", "cancel")
        )

    def _with_backorders(self):
        """These transfers and all their backorders, at any depth."""
        family = frontier = self
        while frontier:
            frontier = frontier.backorder_ids - family
            family |= frontier
        return family

    def _get_pos_source(self):
        """``("order", id)`` or ``("session", id)``: what this POS transfer, or
        the one it is a backorder of, delivers."""
        root = self._get_pos_root()
        if root.pos_order_id:
            return ("order", root.pos_order_id.id)
        return ("session", root.pos_session_id.id)

    def _get_pos_root(self):
        """The POS transfer this one is a backorder of (itself when it is one)."""
        self.ensure_one()
        root = self
        while not (root.pos_order_id or root.pos_session_id) and root.backorder_id:
            root = root.backorder_id
        return root

    def _complete_pos_lot_serials(self):
        """Give these POS transfers the numbers filled in after the sale.

        Each waiting move of a tracked product takes the lots its order lines
        now have, less what earlier transfers of the same orders delivered. A
        transfer whose moves are then all covered is validated.

        :return: the transfers validated
        """
        validated = self.browse()
        for picking in self:
            pending = picking._get_pos_lots_to_deliver()
            covered = True
            for move in picking.move_ids:
                if move.state in ("done", "cancel") or move.has_tracking == "none":
                    continue
                lots = [
                    (lot, quantity)
                    for (product, lot), quantity in pending.items()
                    if product == move.product_id and quantity > 0
                ]
                if lots:
                    move._set_pos_lots(lots)
                # Only numbers from the POS lines count: Inventory may have
                # reserved other lots on the move meanwhile.
                given = sum(quantity for _lot, quantity in lots)
                if move.product_uom.compare(given, move.product_qty) < 0:
                    covered = False
            if not covered:
                continue
            try:
                with self.env.cr.savepoint():
                    picking.move_ids.picked = True
                    picking._action_done()
            except (UserError, ValidationError) as error:
                _logger.warning(
                    "POS transfer %s keeps waiting after its lot/serial numbers "
                    "were completed: %s",
                    picking.name,
                    error,
                )
                continue
            _logger.info(
                "POS transfer %s validated with the lot/serial numbers filled in "
                "after the sale.",
                picking.name,
            )
            validated |= picking
        return validated

    def _get_pos_lots_to_deliver(self):
        """``{(product, lot): quantity}`` the POS lines of this transfer carry and
        that no done transfer of the same POS transfer family moved yet."""
        self.ensure_one()
        root = self._get_pos_root()
        orders = root.pos_order_id or root.pos_session_id.order_ids.filtered(
            lambda order: not order.shipping_date
        )
        outgoing = root.location_id.usage == "internal"
        wanted = defaultdict(float)
        for line in orders.lines:
            if (line.qty > 0) != outgoing:
                continue
            serial = line.product_id.tracking == "serial"
            for pack_lot in line.pack_lot_ids.filtered("lot_id"):
                quantity = 1 if serial else abs(line.qty)
                wanted[line.product_id, pack_lot.lot_id] += quantity
        done = root._with_backorders().filtered(lambda picking: picking.state == "done")
        for move_line in done.move_line_ids.filtered("lot_id"):
            key = (move_line.product_id, move_line.lot_id)
            if key in wanted:
                wanted[key] -= move_line.quantity_product_uom
        return wanted
