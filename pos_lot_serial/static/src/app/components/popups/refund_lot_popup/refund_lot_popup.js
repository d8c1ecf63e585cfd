import { Component, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { _t } from "@web/core/l10n/translation";

/**
 * Lets the cashier choose which numbers of a sold line come back with a
 * refund: only the numbers sold on that line and not refunded yet are listed.
 * Serials are chosen one by one (the refund takes one unit per serial); a lot
 * line takes back a single lot.
 */
export class RefundLotPopup extends Component {
    static template = "pos_lot_serial.RefundLotPopup";
    static components = { Dialog };
    static props = {
        productName: String,
        tracking: String,
        options: {
            type: Array,
            element: { type: Object, shape: { name: String, quantity: String } },
        },
        selected: { type: Array, element: String },
        getPayload: Function,
        close: Function,
    };

    setup() {
        const names = new Set(this.props.options.map((option) => option.name));
        this.state = useState({
            chosen: this.props.selected.filter((name) => names.has(name)),
        });
    }

    get isSerial() {
        return this.props.tracking === "serial";
    }

    get title() {
        return _t("Numbers coming back: %(product)s", {
            product: this.props.productName,
        });
    }

    get counterText() {
        return _t("%(chosen)s of %(total)s chosen", {
            chosen: this.state.chosen.length,
            total: this.props.options.length,
        });
    }

    isChosen(name) {
        return this.state.chosen.includes(name);
    }

    toggle(name) {
        if (!this.isSerial) {
            this.state.chosen = [name];
        } else if (this.isChosen(name)) {
            this.state.chosen = this.state.chosen.filter((chosen) => chosen !== name);
        } else {
            this.state.chosen = [...this.state.chosen, name];
        }
    }

    confirm() {
        this.props.getPayload(this.state.chosen);
        this.props.close();
    }
}
