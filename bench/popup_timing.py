# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The lot pop-up in headless Chromium: core's or the module's, whichever is there.

Run by bench/run_bench.py with pytest-odoo on a bench database (never by
``make test``): from a click on a product with 50,000 lots in stock to the first
suggestion on screen. Core's pop-up lists lots once something is typed, so the
first character every lot name shares is typed as soon as its input appears.
Writes ``{"popup_time": seconds, "popup_runs": [...]}`` to BENCH_POPUP_OUT.
"""

import json
import os
import re
import statistics

from odoo.tests import HttpCase

LOTS = int(os.environ.get("BENCH_POPUP_LOTS", "50000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))

MEASURE_JS = """
(async () => {
    const productId = %(product_id)s;
    const module = %(module)s;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const waitFor = async (find, what) => {
        const start = performance.now();
        while (performance.now() - start < 30000) {
            const found = find();
            if (found) {
                return found;
            }
            await frame();
        }
        const modal =
            (document.querySelector(".modal")?.innerText || "no dialog") +
            ` / ${document.querySelectorAll("article.product").length} products: ` +
            [...document.querySelectorAll("article.product")]
                .slice(0, 4)
                .map((el) => `${el.dataset.productId} ${el.innerText.slice(0, 20)}`)
                .join("; ");
        throw new Error(`bench: ${what} not found in time (${modal.slice(0, 300)})`);
    };
    const query = (selector) => () => document.querySelector(selector);
    // Start the register as a cashier would, until the product is on screen.
    await waitFor(() => {
        const login = document.querySelector(".screen-login .open-register-btn");
        const open = [...document.querySelectorAll(".modal .btn-primary")].find(
            (button) => button.textContent.includes("Open Register"),
        );
        (open || login)?.click();
        return document.querySelector(".product-list article.product");
    }, "the product screen");
    // Not every product is loaded when the POS starts: load this one.
    const pos = window.posmodel;
    await pos.loadNewProducts([["id", "=", productId]]);
    const template = pos.models["product.template"].get(productId);
    if (!template) {
        throw new Error("bench: the product could not be loaded");
    }
    const runs = [];
    for (let run = 0; run <= %(repeat)s; run++) {
        await waitFor(() => !document.querySelector(".modal"), "no dialog");
        const start = performance.now();
        // What a click on the product card does.
        pos.addLineToCurrentOrder({ product_tmpl_id: template }, {});
        if (module) {
            await waitFor(query(".modal .o_lot_serial_suggestion"), "a suggestion");
        } else {
            const input = await waitFor(query(".modal .lot-container input"), "input");
            input.value = "P";
            input.dispatchEvent(new Event("input", { bubbles: true }));
            await waitFor(query(".o-autocomplete--dropdown-item"), "a suggestion");
        }
        runs.push(performance.now() - start);
        const discard = ".modal .o_lot_serial_discard, .modal-footer .btn-secondary";
        (await waitFor(query(discard), "discard")).click();
    }
    runs.shift();
    console.log("BENCHPOPUP " + JSON.stringify(runs));
    console.log("test successful");
})().catch((error) => console.error("bench failed: " + error.message));
"""


class PopupTiming(HttpCase):
    # Odoo tags the tests of its addons by themselves; this file is not one.
    test_tags = {"standard", "at_install"}
    test_module = "pos_lot_serial_bench"

    def test_popup_timing(self):
        env = self.env(user=self.env.ref("base.user_admin"))
        config = env.ref("point_of_sale.pos_config_main")
        config.picking_type_id.use_create_lots = False
        config.limit_categories = False
        product = env["product.product"].create(
            {
                "name": "Bench popup lots",
                "is_storable": True,
                "tracking": "lot",
                "available_in_pos": True,
                "list_price": 1.0,
                # The POS loads a limited set of products, favourites first.
                "is_favorite": True,
            }
        )
        location = config.picking_type_id.default_location_src_id
        env.flush_all()
        # Lots and quants are inserted in SQL: the ORM would take minutes.
        env.cr.execute(
            """
            WITH lot AS (
                INSERT INTO stock_lot (name, product_id, company_id, create_uid,
                                       write_uid, create_date, write_date)
                     SELECT 'P' || lpad(n::text, 6, '0'), %(product)s, %(company)s,
                            %(uid)s, %(uid)s, now() at time zone 'utc',
                            now() at time zone 'utc'
                       FROM generate_series(1, %(count)s) n
                  RETURNING id
            )
            INSERT INTO stock_quant (product_id, location_id, company_id, lot_id,
                                     quantity, reserved_quantity, in_date)
                 SELECT %(product)s, %(location)s, %(company)s, lot.id, 2, 0,
                        now() at time zone 'utc'
                   FROM lot
            """,
            {
                "product": product.id,
                "company": config.company_id.id,
                "uid": env.uid,
                "count": LOTS,
                "location": location.id,
            },
        )
        env.cr.execute("ANALYZE stock_lot, stock_quant")
        env.invalidate_all()
        config.open_ui()
        config.current_session_id.set_opening_control(0, None)

        module = "lot_missing_count" in env["pos.order.line"]._fields
        code = MEASURE_JS % {
            # Product cards carry the template's id.
            "product_id": product.product_tmpl_id.id,
            "module": "true" if module else "false",
            "repeat": REPEAT,
        }
        with self.assertLogs(level="DEBUG") as logs:
            self.browser_js(
                f"/pos/ui?config_id={config.id}", code, login="admin", timeout=600
            )
        runs = []
        for record in logs.records:
            message = record.getMessage()
            found = re.search(r"BENCHPOPUP (\[[0-9.,e ]*\])", message)
            if found:
                runs = json.loads(found.group(1))
                break
        self.assertTrue(runs, "the pop-up was measured")
        with open(os.environ["BENCH_POPUP_OUT"], "w") as out:
            json.dump(
                {"popup_time": statistics.median(runs) / 1000, "popup_runs": runs}, out
            )
