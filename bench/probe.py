# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Run by bench/run_bench.py in `odoo-bin shell` on a database with Odoo core alone
# or with pos_lot_serial, on data generated the same way in both. Prints one line:
# BENCHJSON {"figure": value, ...}. Times are medians after a warm-up.
import json
import os
import statistics
import time
import uuid

from odoo import fields

env = env(user=env.ref("base.user_admin"))
MODULE = "lot_missing_count" in env["pos.order.line"]._fields
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
LOT_COUNTS = [int(n) for n in os.environ.get("BENCH_LOTS", "500,5000,50000").split(",")]
SYNC_UNITS = [int(n) for n in os.environ.get("BENCH_UNITS", "50,200,800").split(",")]
LOT_LINES = 50
STARTUP_PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", "2000"))

config = env.ref("point_of_sale.pos_config_main")
company = config.company_id
picking_type = config.picking_type_id
picking_type.use_create_lots = False
source = picking_type.default_location_src_id
Line = env["pos.order.line"]
figures = {}


def measure(func, repeat=REPEAT):
    """Median time and query count of ``func``, after one warm-up call."""
    func()
    times, queries = [], []
    for _ in range(repeat):
        env.invalidate_all()
        before = env.cr.sql_log_count
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
        queries.append(env.cr.sql_log_count - before)
    return statistics.median(times), statistics.median(queries), result


def tracked_product(name, tracking):
    return env["product.product"].create(
        {
            "name": name,
            "is_storable": True,
            "tracking": tracking,
            "available_in_pos": True,
            "list_price": 1.0,
            "taxes_id": [(5, 0, 0)],
        }
    )


def stock_lots(product, names, quantity):
    """Lots of ``product`` with ``quantity`` each in stock at the POS location.

    Quants are inserted in one statement: creating 50,000 of them through the
    ORM takes longer than the whole benchmark may.
    """
    lots = env["stock.lot"].create(
        [{"name": name, "product_id": product.id} for name in names]
    )
    env.flush_all()
    env.cr.execute(
        """
        INSERT INTO stock_quant (product_id, location_id, company_id, lot_id,
                                 quantity, reserved_quantity, in_date,
                                 create_uid, write_uid, create_date, write_date)
             SELECT %s, %s, %s, lot.id, %s, 0, now() at time zone 'utc',
                    %s, %s, now() at time zone 'utc', now() at time zone 'utc'
               FROM stock_lot lot
              WHERE lot.id = ANY(%s)
        """,
        [product.id, source.id, company.id, quantity, env.uid, env.uid, lots.ids],
    )
    # PostgreSQL plans with statistics that autovacuum would have gathered after
    # such an insert in a live database; without them it may pick a poor plan.
    env.cr.execute("ANALYZE stock_lot, stock_quant")
    env.invalidate_all()
    return lots


# 1. Lot lookup: what the pop-up asks when it opens.
for count in LOT_COUNTS:
    product = tracked_product(f"Bench lots {count}", "lot")
    stock_lots(product, [f"L{count}-{n:06d}" for n in range(count)], 2)
    env.flush_all()

    def lookup(product=product):
        if MODULE:
            return Line.get_lot_serial_suggestions(config.id, product.id, "", 20)
        return Line.get_existing_lots(company.id, config.id, product.id)

    seconds, _queries, result = measure(lookup)
    figures[f"lookup_time_{count}"] = seconds
    figures[f"lookup_bytes_{count}"] = len(json.dumps(result))

# 2. Order sync: serial units and lot lines, from sync_from_ui to done moves.
if not config.current_session_id:
    config.open_ui()
session = config.current_session_id
session.set_opening_control(0, None)
cash = config.payment_method_ids.filtered("is_cash_count")[:1]
lot_product = tracked_product("Bench lot product", "lot")
lot_names = [f"BL-{n:03d}" for n in range(LOT_LINES)]
stock_lots(lot_product, lot_names, 100000)


def order_data(serial_product, serials):
    lines = [
        (
            0,
            0,
            {
                "product_id": serial_product.id,
                "qty": len(serials),
                "price_unit": 1.0,
                "price_subtotal": len(serials),
                "price_subtotal_incl": len(serials),
                "discount": 0,
                "tax_ids": [(6, 0, [])],
                "pack_lot_ids": [(0, 0, {"lot_name": s}) for s in serials],
            },
        )
    ]
    lines += [
        (
            0,
            0,
            {
                "product_id": lot_product.id,
                "qty": 1,
                "price_unit": 1.0,
                "price_subtotal": 1,
                "price_subtotal_incl": 1,
                "discount": 0,
                "tax_ids": [(6, 0, [])],
                "pack_lot_ids": [(0, 0, {"lot_name": name})],
            },
        )
        for name in lot_names
    ]
    total = len(serials) + LOT_LINES
    order_uuid = str(uuid.uuid4())
    return {
        "uuid": order_uuid,
        "session_id": session.id,
        "name": f"Order {order_uuid}",
        "pricelist_id": config.pricelist_id.id,
        "user_id": env.uid,
        "amount_paid": total,
        "amount_total": total,
        "amount_tax": 0,
        "amount_return": 0,
        "date_order": str(fields.Datetime.now()),
        "last_order_preparation_change": "{}",
        "to_invoice": False,
        "lines": lines,
        "payment_ids": [
            (
                0,
                0,
                {
                    "amount": total,
                    "payment_method_id": cash.id,
                    "name": str(fields.Datetime.now()),
                },
            )
        ],
    }


for units in SYNC_UNITS:
    serial_product = tracked_product(f"Bench serials {units}", "serial")
    names = [f"S{units}-{n:06d}" for n in range(units * (REPEAT + 1))]
    stock_lots(serial_product, names, 1)
    env.flush_all()
    batches = iter([names[i : i + units] for i in range(0, len(names), units)])

    def sync(p=serial_product, batches=batches):
        data = order_data(p, next(batches))
        env["pos.order"].sync_from_ui([data])
        env.flush_all()

    seconds, queries, _result = measure(sync)
    figures[f"sync_time_{units}"] = seconds
    figures[f"sync_queries_{units}"] = queries

# 3. POS start-up: the data a POS loads, with many tracked products.
env["product.template"].create(
    [
        {
            "name": f"Bench tracked {n}",
            "is_storable": True,
            "tracking": "serial" if n % 2 else "lot",
            "available_in_pos": True,
            "list_price": 1.0,
        }
        for n in range(STARTUP_PRODUCTS)
    ]
)
env.flush_all()
seconds, queries, _result = measure(lambda: session.load_data([]))
figures["startup_time"] = seconds
figures["startup_queries"] = queries

env.cr.rollback()
print("BENCHJSON " + json.dumps({"module": MODULE, **figures}))
