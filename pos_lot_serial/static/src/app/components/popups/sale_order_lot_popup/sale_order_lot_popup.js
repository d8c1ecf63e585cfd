import { Component } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { _t } from "@web/core/l10n/translation";

/**
 * Asks whether to load the lot/serial numbers reserved on a sales order, and
 * shows what would be loaded: product, number, quantity and expiry date.
 */
export class SaleOrderLotPopup extends Component {
    static template = "pos_lot_serial.SaleOrderLotPopup";
    static components = { Dialog };
    static props = {
        orderName: String,
        rows: {
            type: Array,
            element: {
                type: Object,
                shape: {
                    productName: String,
                    name: String,
                    quantity: String,
                    expiry: String,
                },
            },
        },
        getPayload: Function,
        close: Function,
    };

    get title() {
        return _t("Load the lots/serials of %(order)s?", {
            order: this.props.orderName,
        });
    }

    answer(load) {
        this.props.getPayload(load);
        this.props.close();
    }
}
