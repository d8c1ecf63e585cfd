# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "POS Lot and Serial Numbers",
    "summary": "Type, scan and check lot and serial numbers in the Point of Sale",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "license": "LGPL-3",
    "author": "pos_lot_serial contributors",
    "website": "https://github.com/pos-lot-serial/pos_lot_serial",
    "depends": ["point_of_sale", "pos_sale", "stock"],
    "data": [
        "security/ir.model.access.csv",
        "security/pos_lot_serial_security.xml",
        "data/res_groups_data.xml",
        "views/product_template_views.xml",
        "views/pos_order_views.xml",
        "views/pos_order_line_views.xml",
        "views/res_config_settings_views.xml",
        "views/stock_lot_views.xml",
        "wizard/pos_lot_serial_completion_views.xml",
    ],
    "demo": [
        "demo/pos_lot_serial_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "pos_lot_serial/static/src/**/*",
        ],
        "web.assets_tests": [
            "pos_lot_serial/static/tests/tours/**/*",
        ],
        "web.assets_unit_tests": [
            "pos_lot_serial/static/tests/unit/**/*",
        ],
    },
}
