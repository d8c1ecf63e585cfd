# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The module installs over a live Point of Sale and leaves it working."""

from pathlib import Path

CONCURRENT_SALE = (Path(__file__).parent / "concurrent_serial_sale.py").read_text()

SYNC_CORE_ORDER = """
import uuid
from odoo import fields
env = env(user=env.ref("base.user_admin"))
config = env.ref("point_of_sale.pos_config_main")
if not config.current_session_id:
    config.open_ui()
session = config.current_session_id
session.set_opening_control(0, None)
product = env["product.product"].search(
    [("available_in_pos", "=", True), ("type", "=", "consu"),
     ("tracking", "=", "none")], limit=1)
price = product.lst_price
cash = config.payment_method_ids.filtered("is_cash_count")[:1]
order_uuid = str(uuid.uuid4())
env["pos.order"].sync_from_ui([{
    "uuid": order_uuid, "session_id": session.id, "name": "Order " + order_uuid,
    "pricelist_id": config.pricelist_id.id, "user_id": env.uid,
    "amount_paid": price, "amount_total": price, "amount_tax": 0,
    "amount_return": 0, "date_order": str(fields.Datetime.now()),
    "last_order_preparation_change": "{}", "to_invoice": False,
    "lines": [(0, 0, {"product_id": product.id, "qty": 1, "price_unit": price,
        "price_subtotal": price, "price_subtotal_incl": price, "discount": 0,
        "tax_ids": [(6, 0, [])], "pack_lot_ids": []})],
    "payment_ids": [(0, 0, {"amount": price, "payment_method_id": cash.id,
        "name": str(fields.Datetime.now())})],
}])
order = env["pos.order"].search([("uuid", "=", order_uuid)])
env.cr.commit()
print("SYNCED", len(order), order.state)
"""


SUGGEST_WITHOUT_EXPIRY = """
env = env(user=env.ref("base.user_admin"))
config = env.ref("point_of_sale.pos_config_main")
product = env["product.product"].create({
    "name": "Jam", "is_storable": True, "tracking": "lot", "available_in_pos": True})
location = config.picking_type_id.default_location_src_id
lot = env["stock.lot"].create({"name": "JAM-1", "product_id": product.id})
env["stock.quant"]._update_available_quantity(product, location, 3, lot_id=lot)
lots = env["pos.order.line"].get_lot_serial_suggestions(config.id, product.id, "", 5)
print("SUGGESTED", len(lots), lots[0]["expiration_date"])
"""


def _module_state(odoo_db, name):
    out = odoo_db.shell(
        "print('STATE', env['ir.module.module'].search("
        f"[('name', '=', '{name}')]).state)"
    )
    return out.split("STATE", 1)[1].split()[0]


def test_install_on_a_shop_with_orders_then_uninstall(odoo_db):
    odoo_db.install("point_of_sale,pos_sale", demo=True)
    orders_before = odoo_db.shell("print('ORDERS', env['pos.order'].search_count([]))")
    assert int(orders_before.split("ORDERS", 1)[1].split()[0]) > 0, "demo POS orders"

    odoo_db.install("pos_lot_serial")
    assert _module_state(odoo_db, "pos_lot_serial") == "installed"
    counted = odoo_db.shell(
        "lines = env['pos.order.line'].search([])\n"
        "print('COUNTED', len(lines) > 0, sum(lines.mapped('lot_missing_count')))"
    )
    # The demo orders sell untracked products: the new column is there, at 0.
    assert "COUNTED True 0" in counted, counted[-2000:]

    # The demo shop's sales orders are made by code: an update keeps them.
    odoo_db.update("pos_lot_serial")
    kept = odoo_db.shell(
        "print('DEMO', [bool(env.ref(x, raise_if_not_found=False)) for x in "
        "('pos_lot_serial.sale_order_demo', 'pos_lot_serial.sale_quotation_demo',"
        " 'pos_lot_serial.pos_config_demo_shop')])"
    )
    assert "DEMO [True, True, True]" in kept, kept[-2000:]

    # Without product_expiry, suggestions come without expiry dates.
    suggested = odoo_db.shell(SUGGEST_WITHOUT_EXPIRY)
    assert "SUGGESTED 1 False" in suggested, suggested[-2000:]

    # Two sessions sell the same serial at the same moment: one sale takes it,
    # the other line is flagged; nothing negative, one delivery at most.
    race = odoo_db.shell('MODE = "real"\n' + CONCURRENT_SALE)
    assert "RACE 2 {'paid'} 1 1 0.0 1 []" in race, race[-3000:]
    race = odoo_db.shell('MODE = "closing"\n' + CONCURRENT_SALE)
    assert "RACE 2 {'paid'} 1 1 1.0 0 []" in race, race[-3000:]

    odoo_db.shell(
        "env['ir.module.module'].search([('name', '=', 'pos_lot_serial')])"
        ".button_immediate_uninstall()\nenv.cr.commit()"
    )
    assert _module_state(odoo_db, "pos_lot_serial") == "uninstalled"

    synced = odoo_db.shell(SYNC_CORE_ORDER)
    assert "SYNCED 1 paid" in synced, synced[-2000:]
