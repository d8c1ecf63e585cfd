import { Component } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";

/**
 * The list button beside a tracked order line: green when every unit has its
 * number, red with the count missing otherwise. Clicking opens the entry pop-up.
 */
export class LotListButton extends Component {
    static template = "pos_lot_serial.LotListButton";
    static props = {
        line: Object,
        onClick: Function,
    };

    get missing() {
        return this.props.line.getMissingLotCount();
    }

    get label() {
        if (!this.missing) {
            return _t("Lot/serial numbers complete");
        }
        return _t("%(count)s missing", { count: this.missing });
    }
}
