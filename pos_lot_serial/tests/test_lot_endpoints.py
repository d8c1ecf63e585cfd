# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PosLotSerialCommon


@tagged("post_install", "-at_install")
class TestLotEndpoints(PosLotSerialCommon):
    """The two calls the pop-up makes: suggestions and number checks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Line = cls.env["pos.order.line"]
        cls.pos_user = new_test_user(
            cls.env,
            login="pos_lot_cashier",
            groups="point_of_sale.group_pos_user",
            company_id=cls.env.company.id,
        )

    def _user_of_other_company(self, login, group, company_name):
        company = self.env["res.company"].create({"name": company_name})
        user = new_test_user(
            self.env,
            login=login,
            groups=group,
            company_id=company.id,
            company_ids=[(6, 0, company.ids)],
        )
        return user, company

    def _suggest(self, query="", limit=20, user=None):
        Line = self.Line.with_user(user) if user else self.Line
        return Line.get_lot_serial_suggestions(
            self.config.id, self.serial_product.id, query, limit
        )

    def test_suggestions_are_lots_in_stock_of_the_pos_location(self):
        self._stock_lots(self.serial_product, {"SN-B": 1, "SN-A": 1, "SN-GONE": 0})
        elsewhere = self.env["stock.location"].create(
            {"name": "Back office", "usage": "internal"}
        )
        self._stock_lots(self.serial_product, {"SN-ELSEWHERE": 1}, location=elsewhere)

        names = [lot["name"] for lot in self._suggest()]
        self.assertEqual(names, ["SN-A", "SN-B"])

    def test_suggestions_filter_on_what_is_typed_and_are_limited(self):
        self._stock_lots(
            self.serial_product, {f"SN-{number:03d}": 1 for number in range(60)}
        )
        self.assertEqual(len(self._suggest(limit=5)), 5)
        self.assertEqual(len(self._suggest(limit=10_000)), 50, "capped at 50")
        self.assertEqual(
            [lot["name"] for lot in self._suggest("sn-02")],
            [f"SN-{number:03d}" for number in range(20, 30)],
        )

    def test_suggestions_carry_quantity_and_expiry_fields(self):
        self._stock_lots(self.lot_product, {"LOT-Q": 7})
        (lot,) = self.Line.get_lot_serial_suggestions(
            self.config.id, self.lot_product.id, "", 20
        )
        self.assertEqual(lot["quantity"], 7)
        self.assertIn("expiration_date", lot)
        self.assertFalse(lot["expired"])

    def test_check_tells_each_number_status(self):
        self._stock_lots(self.serial_product, {"SN-OK": 1, "SN-SOLD": 0})
        self.picking_type.use_create_lots = False
        answer = self.Line.check_lot_serial_numbers(
            self.config.id, self.serial_product.id, ["SN-OK", " SN-SOLD ", "SN-WHO", ""]
        )
        self.assertEqual(
            {name: value["status"] for name, value in answer.items()},
            {"SN-OK": "available", "SN-SOLD": "out_of_stock", "SN-WHO": "unknown"},
        )
        self.picking_type.use_create_lots = True
        answer = self.Line.check_lot_serial_numbers(
            self.config.id, self.serial_product.id, ["SN-WHO"]
        )
        self.assertEqual(answer["SN-WHO"]["status"], "new")

    def test_expired_lots_are_flagged_and_suggested_last(self):
        self.assertIn(
            "expiration_date",
            self.env["stock.lot"]._fields,
            "make test installs product_expiry in the test database",
        )
        lots = self._stock_lots(self.lot_product, {"LOT-OLD": 3, "LOT-NEW": 3})
        old, new = lots
        old.expiration_date = "2020-01-01 00:00:00"
        new.expiration_date = "2999-01-01 00:00:00"
        suggestions = self.Line.get_lot_serial_suggestions(
            self.config.id, self.lot_product.id, "", 20
        )
        self.assertEqual([lot["name"] for lot in suggestions], ["LOT-OLD", "LOT-NEW"])
        self.assertEqual([lot["expired"] for lot in suggestions], [True, False])
        answer = self.Line.check_lot_serial_numbers(
            self.config.id, self.lot_product.id, ["LOT-OLD", "LOT-NEW"]
        )
        self.assertEqual(answer["LOT-OLD"]["status"], "expired")
        self.assertEqual(answer["LOT-NEW"]["status"], "available")

    def test_a_cashier_may_call_both_endpoints(self):
        self._stock_lots(self.serial_product, {"SN-CASHIER": 1})
        self.assertEqual(len(self._suggest(user=self.pos_user)), 1)
        answer = self.Line.with_user(self.pos_user).check_lot_serial_numbers(
            self.config.id, self.serial_product.id, ["SN-CASHIER"]
        )
        self.assertEqual(answer["SN-CASHIER"]["status"], "available")

    def test_a_product_shared_by_all_companies_has_suggestions(self):
        self.serial_product.company_id = False
        self._stock_lots(self.serial_product, {"SN-SHARED-PRODUCT": 1})
        self.assertEqual(len(self._suggest(user=self.pos_user)), 1)

    def test_a_user_of_another_company_cannot_read_the_lots(self):
        self._stock_lots(self.serial_product, {"SN-SECRET": 1})
        outsider, _company = self._user_of_other_company(
            "pos_lot_outsider", "point_of_sale.group_pos_user", "Rival Shop"
        )
        with self.assertRaises(AccessError):
            self._suggest(user=outsider)
        with self.assertRaises(AccessError):
            self.Line.with_user(outsider).check_lot_serial_numbers(
                self.config.id, self.serial_product.id, ["SN-SECRET"]
            )

    def test_pos_lines_numbers_stay_in_their_company(self):
        self._stock_lots(self.serial_product, {"SN-OWN": 1})
        self.open_new_session()
        data = self.create_ui_order_data(
            [self._line(self.serial_product, 1, ["SN-OWN"])]
        )
        self.env["pos.order"].sync_from_ui([data])
        pack_lot = self.env["pos.pack.operation.lot"].search(
            [("lot_name", "=", "SN-OWN")]
        )
        self.assertEqual(len(pack_lot), 1)
        outsider, _company = self._user_of_other_company(
            "pos_lot_rule_outsider", "point_of_sale.group_pos_manager", "Rule Shop"
        )
        PackLot = self.env["pos.pack.operation.lot"].with_user(outsider)
        self.assertFalse(PackLot.search([("lot_name", "=", "SN-OWN")]))
        with self.assertRaises(AccessError):
            PackLot.browse(pack_lot.id).read(["lot_name"])

    def test_a_product_of_another_company_is_refused_by_the_module(self):
        other_company = self.env["res.company"].create({"name": "Product Shop"})
        foreign = self.env["product.product"].create(
            {
                "name": "Foreign phone",
                "tracking": "serial",
                "is_storable": True,
                "company_id": other_company.id,
            }
        )
        Line = self.Line.with_context(
            allowed_company_ids=[self.env.company.id, other_company.id]
        )
        with self.assertRaisesRegex(AccessError, "lots of another company"):
            Line.get_lot_serial_suggestions(self.config.id, foreign.id, "", 20)

    def test_a_user_without_pos_rights_cannot_read_the_lots(self):
        portal = new_test_user(
            self.env, login="pos_lot_portal", groups="base.group_portal"
        )
        with self.assertRaises(AccessError):
            self._suggest(user=portal)
