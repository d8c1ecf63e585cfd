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
