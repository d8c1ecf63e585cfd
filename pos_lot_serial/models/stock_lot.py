# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockLot(models.Model):
    _inherit = "stock.lot"

    # The POS pop-up asks for the first lots of one product, in name order: with
    # this index PostgreSQL reads them in order and stops at the page size.
    _pos_product_name_index = models.Index("(product_id, name, id)")

    pos_order_count = fields.Integer(
        string="POS Orders",
        compute="_compute_pos_order_count",
        groups="point_of_sale.group_pos_user",
    )

    def _get_pos_orders_by_lot(self):
        """``{lot id: pos.order}``: the orders that sold or refunded each lot."""
        pack_lots = (
            self.env["pos.pack.operation.lot"]
            .sudo()
            .search([("lot_id", "in", self.ids)])
        )
        orders = {lot.id: self.env["pos.order"] for lot in self}
        companies = self.env.companies
        for pack_lot in pack_lots:
            order = pack_lot.pos_order_line_id.order_id
            if order.company_id in companies:
                orders[pack_lot.lot_id.id] |= order
        return orders

    def _compute_pos_order_count(self):
        orders = self._get_pos_orders_by_lot()
        for lot in self:
            lot.pos_order_count = len(orders.get(lot.id, ()))

    def action_view_pos_orders(self):
        """Open the POS orders that sold or refunded this number."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "point_of_sale.action_pos_pos_form"
        )
        orders = self._get_pos_orders_by_lot()[self.id].sudo(False)
        action["domain"] = [("id", "in", orders.ids)]
        action["context"] = {"create": False}
        if len(orders) == 1:
            action["view_mode"] = "form"
            action["views"] = [(False, "form")]
            action["res_id"] = orders.id
        return action
