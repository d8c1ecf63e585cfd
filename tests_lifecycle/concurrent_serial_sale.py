# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Run by test_install_uninstall.py in `odoo-bin shell`: two POS sessions sell the
# same serial at the same moment, each in its own transaction, as two workers
# would. MODE (set by the caller) is the company's stock update policy: "real"
# (each order delivers at once) or "closing" (deliveries wait for the session
# closing, so only the module's lock keeps the serial from being sold twice).
# Prints one line: RACE <orders> <states> <kept> <flagged> <quantity> <deliveries>
# <errors>.
import threading
import uuid

from odoo import api, fields
from odoo.modules.registry import Registry
from odoo.service.model import retrying

admin = env.ref("base.user_admin")
env = env(user=admin)
env.company.point_of_sale_update_stock_quantities = MODE
serial = f"SN-RACE-{MODE}"
configs = env.ref("point_of_sale.pos_config_main") | env.ref(
    "point_of_sale.pos_config_clothes"
)
for config in configs:
    config.picking_type_id.use_create_lots = False
    if not config.current_session_id:
        config.open_ui()
    config.current_session_id.set_opening_control(0, None)
    # Sessions take the company's policy when they open; these may be open already.
    config.current_session_id.update_stock_at_closing = MODE == "closing"
product = env["product.product"].create(
    {
        "name": f"Race Phone {MODE}",
        "is_storable": True,
        "tracking": "serial",
        "available_in_pos": True,
        "list_price": 100,
        "taxes_id": [(5, 0, 0)],
    }
)
lot = env["stock.lot"].create({"name": serial, "product_id": product.id})
source = configs[0].picking_type_id.default_location_src_id
env["stock.quant"]._update_available_quantity(product, source, 1, lot_id=lot)
env.cr.commit()


def order_data(config):
    session = config.current_session_id
    cash = config.payment_method_ids.filtered("is_cash_count")[:1]
    order_uuid = str(uuid.uuid4())
    return {
        "uuid": order_uuid,
        "session_id": session.id,
        "name": "Order " + order_uuid,
        "pricelist_id": config.pricelist_id.id,
        "user_id": admin.id,
        "amount_paid": 100,
        "amount_total": 100,
        "amount_tax": 0,
        "amount_return": 0,
        "date_order": str(fields.Datetime.now()),
        "last_order_preparation_change": "{}",
        "to_invoice": False,
        "lines": [
            (
                0,
                0,
                {
                    "product_id": product.id,
                    "qty": 1,
                    "price_unit": 100,
                    "price_subtotal": 100,
                    "price_subtotal_incl": 100,
                    "discount": 0,
                    "tax_ids": [(6, 0, [])],
                    "pack_lot_ids": [(0, 0, {"lot_name": serial})],
                },
            )
        ],
        "payment_ids": [
            (
                0,
                0,
                {
                    "amount": 100,
                    "payment_method_id": cash.id,
                    "name": str(fields.Datetime.now()),
                },
            )
        ],
    }


payloads = [order_data(config) for config in configs]
barrier = threading.Barrier(len(payloads))
errors = []


def sell(data):
    try:
        with Registry(env.cr.dbname).cursor() as cr:
            worker_env = api.Environment(cr, admin.id, {})
            barrier.wait()
            retrying(lambda: worker_env["pos.order"].sync_from_ui([data]), worker_env)
    except Exception as error:  # reported below, the test fails on it
        errors.append(repr(error))


threads = [threading.Thread(target=sell, args=(data,)) for data in payloads]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

# A new transaction, to see what the workers committed.
env.cr.rollback()
env.invalidate_all()
orders = env["pos.order"].search([("uuid", "in", [data["uuid"] for data in payloads])])
pack_lots = orders.lines.pack_lot_ids.filtered(lambda line: line.lot_name == serial)
flagged = orders.lines.filtered(lambda line: serial in (line.lot_issue or ""))
quantity = sum(
    env["stock.quant"]
    .search([("lot_id", "=", lot.id), ("location_id", "child_of", source.id)])
    .mapped("quantity")
)
deliveries = env["stock.move.line"].search_count(
    [
        ("lot_id", "=", lot.id),
        ("state", "=", "done"),
        ("location_dest_id.usage", "=", "customer"),
    ]
)
print(
    "RACE",
    len(orders),
    set(orders.mapped("state")),
    len(pack_lots),
    len(flagged),
    quantity,
    deliveries,
    errors,
)
