# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestProductTracking(TransactionCase):
    """The two check boxes of the product form drive the stock tracking."""

    def _new_product(self, **values):
        return self.env["product.template"].create(
            {"name": "Tracked thing", "type": "consu", **values}
        )

    def test_serial_box_makes_the_product_storable_and_serial_tracked(self):
        template = self._new_product()
        template.pos_track_serial = True
        self.assertTrue(template.is_storable)
        self.assertEqual(template.tracking, "serial")
        self.assertFalse(template.pos_track_lot)

    def test_boxes_are_mutually_exclusive(self):
        template = self._new_product(pos_track_serial=True)
        template.pos_track_lot = True
        self.assertEqual(template.tracking, "lot")
        self.assertTrue(template.pos_track_lot)
        self.assertFalse(template.pos_track_serial)

    def test_clearing_the_box_stops_tracking(self):
        template = self._new_product(pos_track_lot=True)
        template.pos_track_lot = False
        self.assertEqual(template.tracking, "none")
        self.assertTrue(template.is_storable, "the product stays storable")

    def test_boxes_follow_the_inventory_tracking(self):
        template = self._new_product(is_storable=True, tracking="lot")
        self.assertTrue(template.pos_track_lot)
        template.tracking = "serial"
        self.assertTrue(template.pos_track_serial)
        self.assertFalse(template.pos_track_lot)

    def test_form_switches_boxes_before_saving(self):
        with Form(self.env["product.template"]) as form:
            form.name = "Scanner"
            form.pos_track_serial = True
            self.assertTrue(form.is_storable)
            self.assertEqual(form.tracking, "serial")
            form.pos_track_lot = True
            self.assertFalse(form.pos_track_serial, "checking Lots clears Serial")
            self.assertEqual(form.tracking, "lot")
        self.assertEqual(form.record.tracking, "lot")

    def test_boxes_are_on_the_inventory_tab_of_the_pos_product_form(self):
        action = self.env.ref("point_of_sale.product_template_action_pos_product")
        form_view = dict(action.views or []).get("form") if action.views else False
        views = self.env["product.template"].get_views(
            [(form_view or False, "form")], {"load_filters": False}
        )
        arch = etree.fromstring(views["views"]["form"]["arch"])
        page = arch.xpath("//page[@name='inventory']")
        self.assertTrue(page, "the form has an Inventory tab")
        labels = {
            node.get("name"): views["models"]["product.template"]["fields"][
                node.get("name")
            ]["string"]
            for node in page[0].xpath(".//field[starts-with(@name, 'pos_track_')]")
        }
        self.assertEqual(
            labels,
            {
                "pos_track_serial": "Tracking By Unique Serial Number",
                "pos_track_lot": "Tracking By Lots",
            },
        )
