# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import random

from odoo.tests import tagged

from .common import PosLotSerialCommon

_logger = logging.getLogger(__name__)

CORPUS_SEED = 20261204
CORPUS_ORDERS = 200
CORPUS_BATCH = 25


@tagged("post_install", "-at_install")
class TestSyncIntegrity(PosLotSerialCommon):
    """The server decides: bad numbers are flagged, orders are never lost."""

    def setUp(self):
        super().setUp()
        self.picking_type.use_create_lots = False
        self.open_new_session()

    def _refused(self, line):
        return line.lot_issue or ""

    def test_bad_numbers_are_refused_and_recorded_on_the_line(self):
        self._stock_lots(self.serial_product, {"SN-GOOD": 1})
        order = self._sync_order(
            [
                self._line(
                    self.serial_product,
                    4,
                    ["SN-GOOD", "   ", "X" * 200, "SN\x07BELL", "SN-NOBODY"],
                )
            ]
        )
        line = order.lines
        self.assertEqual(order.state, "paid", "the order is kept and paid")
        self.assertEqual(line.pack_lot_ids.mapped("lot_name"), ["SN-GOOD"])
        self.assertIn("longer than 128 characters", self._refused(line))
        self.assertIn("contains control characters", self._refused(line))
        self.assertIn("'SN-NOBODY': unknown number", self._refused(line))
        self.assertNotIn("'   '", self._refused(line), "blank numbers are ignored")
        self.assertEqual(line.lot_missing_count, 3)
        self.assertTrue(line.lot_needs_attention)
        self.assertEqual(
            order.picking_ids.move_line_ids.lot_id.mapped("name"), ["SN-GOOD"]
        )

    def test_refused_and_missing_numbers_are_listed_for_the_manager(self):
        self._stock_lots(self.serial_product, {"SN-LIST": 1})
        order = self._sync_order(
            [
                self._line(self.serial_product, 1, ["<b>SN-HTML</b>"]),
                self._line(self.serial_product, 1, ["SN-LIST"]),
            ]
        )
        action = self.env.ref("pos_lot_serial.pos_order_line_action_lot_attention")
        listed = self.env["pos.order.line"].search(
            [("order_id", "=", order.id), ("lot_needs_attention", "=", True)]
        )
        self.assertEqual(listed, order.lines[0])
        self.assertIn("'<b>SN-HTML</b>': unknown number", listed.lot_issue)
        views = self.env["pos.order.line"].get_views(
            [(action.view_id.id, "list"), (action.search_view_id.id, "search")]
        )
        self.assertIn("lot_issue", views["views"]["list"]["arch"])

    def test_a_serial_is_never_sold_twice(self):
        lot = self._stock_lots(self.serial_product, {"SN-ONCE": 1})
        first = self._sync_order([self._line(self.serial_product, 1, ["SN-ONCE"])])
        second = self._sync_order([self._line(self.serial_product, 1, ["SN-ONCE"])])

        self.assertEqual(first.lines.pack_lot_ids.lot_id, lot)
        self.assertFalse(second.lines.pack_lot_ids, "the second sale keeps no serial")
        self.assertIn("no longer in stock", self._refused(second.lines))
        self.assertEqual(second.state, "paid")
        self.assertEqual(self._lot_quantity(lot), 0, "never negative")
        done = self.env["stock.move.line"].search(
            [
                ("lot_id", "=", lot.id),
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "customer"),
            ]
        )
        self.assertEqual(len(done), 1, "one delivery of the serial")

    def test_a_refund_made_in_the_backend_keeps_the_serial(self):
        lot = self._stock_lots(self.serial_product, {"SN-BACK": 1})
        order = self._sync_order([self._line(self.serial_product, 1, ["SN-BACK"])])
        refund = order._refund()

        self.assertEqual(refund.lines.pack_lot_ids.lot_name, "SN-BACK")
        self.assertEqual(refund.lines.pack_lot_ids.lot_id, lot)
        self.assertFalse(order.lines.lot_issue, "the sale is not flagged")

    def test_a_renamed_number_is_checked_again(self):
        self._stock_lots(self.serial_product, {"SN-R1": 1, "SN-R2": 1, "SN-R3": 1})
        order = self._sync_order([self._line(self.serial_product, 1, ["SN-R1"])])
        pack_lot = order.lines.pack_lot_ids

        order.lines.write(
            {"pack_lot_ids": [(1, pack_lot.id, {"lot_name": "SN\x00BAD"})]}
        )
        self.assertFalse(pack_lot.exists(), "a malformed rename is refused")
        self.assertIn("contains control characters", order.lines.lot_issue)

        order.lines.write({"pack_lot_ids": [(0, 0, {"lot_name": " SN-R2 "})]})
        renamed = order.lines.pack_lot_ids
        self.assertEqual(renamed.lot_id.name, "SN-R2")
        renamed.lot_name = "SN-R3"
        self.assertEqual(renamed.lot_id.name, "SN-R3", "linked again to its lot")
        renamed.lot_name = "SN-UNKNOWN"
        self.assertFalse(renamed.exists())
        self.assertIn("'SN-UNKNOWN': unknown number", order.lines.lot_issue)

    def test_a_serial_entered_twice_in_one_order_is_refused_once(self):
        self._stock_lots(self.serial_product, {"SN-TWIN": 1})
        order = self._sync_order(
            [
                self._line(self.serial_product, 1, ["SN-TWIN"]),
                self._line(self.serial_product, 1, ["SN-TWIN"]),
            ]
        )
        kept = order.lines.pack_lot_ids.mapped("lot_name")
        self.assertEqual(kept, ["SN-TWIN"])
        self.assertIn("entered twice", self._refused(order.lines[1]))

    def test_syncing_the_same_order_twice_creates_it_once(self):
        self._stock_lots(self.serial_product, {"SN-RETRY": 1})
        data = self.create_ui_order_data(
            [self._line(self.serial_product, 1, ["SN-RETRY"])]
        )
        self.env["pos.order"].sync_from_ui([data])
        self.env["pos.order"].sync_from_ui([dict(data)])

        orders = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        self.assertEqual(len(orders), 1)
        self.assertEqual(len(orders.picking_ids.move_ids), 1)
        self.assertFalse(orders.lines.lot_issue)

    def test_hostile_corpus_syncs_without_losing_an_order(self):
        """A seeded corpus of orders full of hostile numbers syncs cleanly."""
        rng = random.Random(CORPUS_SEED)
        other_company = self.env["res.company"].create({"name": "Corpus Rival"})
        self.serial_product.company_id = False
        self.env["stock.lot"].create(
            {
                "name": "SN-RIVAL",
                "product_id": self.serial_product.id,
                "company_id": other_company.id,
            }
        )
        good = [f"SN-C{number:04d}" for number in range(120)]
        self._stock_lots(self.serial_product, dict.fromkeys(good, 1))
        self._stock_lots(self.lot_product, {"LOT-CORPUS": 1000})
        hostile = [
            "x" * 300,
            "SN\x00NULL",
            "SN\x1b[31mRED",
            "line\nbreak",
            "🔥📱 emoji",
            "ünïcødé-ß",
            "   ",
            "",
            "<script>alert(1)</script>",
            "<b>bold</b>",
            "'; DROP TABLE stock_lot; --",
            "1 OR 1=1",
            "LOT-CORPUS",  # the lot product's lot, typed for the serial product
            "SN-RIVAL",  # another company's serial
        ]
        orders_data, expected_bad = [], 0
        for _index in range(CORPUS_ORDERS):
            names = []
            for _slot in range(rng.randint(1, 4)):
                roll = rng.random()
                if roll < 0.35 and good:
                    names.append(good.pop())
                elif roll < 0.45 and names:
                    names.append(names[0])  # duplicate within the order
                else:
                    names.append(rng.choice(hostile))
            lines = [self._line(self.serial_product, len(names), names)]
            if rng.random() < 0.3:
                lines.append(self._line(self.lot_product, 2, ["LOT-CORPUS"]))
            orders_data.append(self.create_ui_order_data(lines))
            expected_bad += sum(1 for name in names if name.strip())
        # Replay a few orders as a network retry would.
        orders_data += [dict(data) for data in rng.sample(orders_data, 10)]

        for start in range(0, len(orders_data), CORPUS_BATCH):
            self.env["pos.order"].sync_from_ui(
                orders_data[start : start + CORPUS_BATCH]
            )

        uuids = {data["uuid"] for data in orders_data}
        orders = self.env["pos.order"].search([("uuid", "in", list(uuids))])
        self.assertEqual(len(orders), CORPUS_ORDERS, "no order lost, none doubled")
        self.assertEqual(set(orders.mapped("state")), {"paid"})
        serial_lines = orders.lines.filtered(
            lambda line: line.product_id == self.serial_product
        )
        kept = serial_lines.pack_lot_ids
        refused_count = sum(
            len((line.lot_issue or "").splitlines()) for line in serial_lines
        )
        self.assertEqual(
            len(kept) + refused_count,
            expected_bad,
            "every non-blank number is either kept or refused with a reason",
        )
        _logger.info(
            "Hostile corpus: %s orders (+%s replays) synced, %s paid, %s numbers "
            "sent, %s kept, %s refused with a reason",
            CORPUS_ORDERS,
            len(orders_data) - CORPUS_ORDERS,
            len(orders),
            expected_bad,
            len(kept),
            refused_count,
        )
        kept_names = kept.mapped("lot_name")
        self.assertEqual(len(kept_names), len(set(kept_names)), "no serial sold twice")
        self.assertTrue(set(kept_names) <= {f"SN-C{n:04d}" for n in range(120)})
        hostile_kept = [name for name in kept_names if not name.startswith("SN-C")]
        self.assertFalse(hostile_kept)
        for lot in kept.lot_id:
            self.assertGreaterEqual(self._lot_quantity(lot), 0)
