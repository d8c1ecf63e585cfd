# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _create_production_lots_for_pos_order(self, lines):
        """Return the lots of the POS lines, found or created.

        The numbers were linked to their lots when the order arrived: when all
        are, there is nothing to search again. Lots created here are linked to
        their lines.
        """
        pack_lots = lines.pack_lot_ids.filtered(
            lambda line: line.lot_name and line.product_id in self.product_id
        )
        uses_lots = any(move.picking_type_id.use_existing_lots for move in self)
        if uses_lots and pack_lots and all(line.lot_id for line in pack_lots):
            return pack_lots.lot_id
        lots = super()._create_production_lots_for_pos_order(lines)
        lines.pack_lot_ids._link_stock_lots(lots)
        return lots

    def _add_mls_related_to_order(self, related_order_lines, are_qties_done=True):
        """Create the move lines of the POS lines' numbers in one pass.

        Core looks up the quant of each number with its own query; the numbers
        are already linked to their lots here, so the quants of all of them are
        read at once. Untracked moves, and reservations for orders shipped
        later, stay with core.
        """
        if not are_qties_done:
            return super()._add_mls_related_to_order(related_order_lines, False)
        products = related_order_lines.product_id
        tracked = self.filtered(
            lambda move: (
                move.product_id in products
                and move.product_id.tracking != "none"
                and (
                    move.picking_type_id.use_existing_lots
                    or move.picking_type_id.use_create_lots
                )
            )
        )
        result = super(StockMove, self - tracked)._add_mls_related_to_order(
            related_order_lines, are_qties_done
        )
        if tracked:
            tracked._add_pos_lot_move_lines(related_order_lines)
        return result

    def _add_pos_lot_move_lines(self, order_lines):
        """One done move line per number of ``order_lines``, on these moves."""
        lots = self._create_production_lots_for_pos_order(order_lines)
        lots_by_name = {(lot.product_id.id, lot.name): lot for lot in lots}
        quants = self._get_pos_lot_quants(lots)
        vals_list = []
        for move in self:
            move.move_line_ids.unlink()
            lines = order_lines.filtered(
                lambda line, move=move: line.product_id == move.product_id
            )
            for line in lines:
                quantity = 1 if line.product_id.tracking == "serial" else abs(line.qty)
                for pack_lot in line.pack_lot_ids.filtered("lot_name"):
                    vals = dict(move._prepare_move_line_vals(quantity))
                    lot = pack_lot.lot_id or lots_by_name.get(
                        (line.product_id.id, pack_lot.lot_name), lots.browse()
                    )
                    quant = quants.get((lot.id, move.location_id.id))
                    if quant:
                        vals["quant_id"] = quant.id
                    elif lot:
                        vals.update(lot_id=lot.id, lot_name=lot.name)
                    else:
                        vals["lot_name"] = pack_lot.lot_name
                    vals_list.append(vals)
        self.env["stock.move.line"].create(vals_list)

    def _get_pos_lot_quants(self, lots):
        """``{(lot id, move location id): quant}``: the newest quant in stock of
        each lot under each of these moves' source locations, read at once."""
        if not lots:
            return {}
        quants = {}
        for location in self.location_id:
            found = self.env["stock.quant"].search(
                [
                    ("lot_id", "in", lots.ids),
                    ("quantity", ">", 0),
                    ("location_id", "child_of", location.id),
                ],
                order="id desc",
            )
            for quant in found:
                quants.setdefault((quant.lot_id.id, location.id), quant)
        return quants

    def _set_pos_lots(self, lots):
        """Make this move take exactly ``lots``, up to its demand.

        Whatever the move held before (lots Inventory reserved, or lines left
        picked by a validation that failed) is replaced.

        :param lots: list of ``(stock.lot, quantity in the product's unit)``
        """
        self.ensure_one()
        self.move_line_ids.unlink()
        quants = self._get_pos_lot_quants(
            self.env["stock.lot"].union(*(lot for lot, _quantity in lots))
        )
        remaining = self.product_qty
        vals_list = []
        for lot, quantity in lots:
            quantity = min(quantity, remaining)
            if self.product_id.uom_id.compare(quantity, 0) <= 0:
                break
            vals = self._prepare_move_line_vals(quantity=quantity)
            quant = quants.get((lot.id, self.location_id.id))
            if quant:
                vals["quant_id"] = quant.id
            else:
                vals.update(lot_id=lot.id, lot_name=lot.name)
            vals_list.append(vals)
            remaining -= quantity
        self.env["stock.move.line"].create(vals_list)
