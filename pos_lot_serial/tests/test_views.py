# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from pathlib import Path

from lxml import etree

from odoo.tests import TransactionCase, tagged

MODULE_DIR = Path(__file__).resolve().parent.parent


@tagged("post_install", "-at_install")
class TestViews(TransactionCase):
    """Every XML file parses; every view of the module is one Odoo 19 accepts."""

    def test_every_xml_file_of_the_module_parses(self):
        paths = sorted(MODULE_DIR.rglob("*.xml"))
        self.assertGreater(len(paths), 5)
        for path in paths:
            with self.subTest(path=str(path.relative_to(MODULE_DIR))):
                etree.parse(str(path))

    def test_views_validate_against_odoo(self):
        view_ids = (
            self.env["ir.model.data"]
            .search([("module", "=", "pos_lot_serial"), ("model", "=", "ir.ui.view")])
            .mapped("res_id")
        )
        views = self.env["ir.ui.view"].browse(view_ids)
        self.assertGreaterEqual(len(views), 5)
        for view in views:
            with self.subTest(view=view.xml_id):
                # Combines each view with what it inherits and checks the result
                # against Odoo's schema, fields and modifiers.
                view._check_xml()
                self.assertNotIn("<tree", view.arch_db, "Odoo 19 lists are <list>")

    def test_every_owl_template_has_the_module_prefix(self):
        for path in (MODULE_DIR / "static" / "src").rglob("*.xml"):
            root = etree.parse(str(path)).getroot()
            for template in root.xpath("//t[@t-name]"):
                self.assertTrue(
                    template.get("t-name").startswith("pos_lot_serial."),
                    f"{path.name}: {template.get('t-name')}",
                )

    def test_order_form_lines_show_their_numbers_and_completeness(self):
        arch = self.env["pos.order"].get_view(view_type="form")["arch"]
        lines = etree.fromstring(arch).xpath("//field[@name='lines']/list")[0]
        for name in ("pack_lot_ids", "lot_missing_count", "lot_complete"):
            with self.subTest(field=name):
                field = lines.xpath(f"field[@name='{name}']")
                self.assertTrue(field, f"{name} is a column of the lines")
                self.assertNotEqual(field[0].get("optional"), "hide")
                self.assertFalse(field[0].get("column_invisible"))

    def test_lot_form_has_the_pos_orders_button(self):
        arch = self.env["stock.lot"].get_view(view_type="form")["arch"]
        button = etree.fromstring(arch).xpath(
            "//button[@name='action_view_pos_orders']"
        )
        self.assertTrue(button, "the lot form links to its POS orders")
