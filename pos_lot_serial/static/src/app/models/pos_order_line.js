import { PosOrderline } from "@point_of_sale/app/models/pos_order_line";
import { patch } from "@web/core/utils/patch";
import { _t } from "@web/core/l10n/translation";
import { deserializeDate, formatDate } from "@web/core/l10n/dates";
import { countMissingLotNumbers } from "@pos_lot_serial/app/utils/lot_serial_rules";

// Beyond this many numbers, a line lists them on one wrapped line.
const COMPACT_AFTER = 3;

/** A lot's expiry date as the user reads dates, or "" when unknown. */
function formatLotExpiry(value) {
    if (!value) {
        return "";
    }
    const date =
        typeof value === "string" ? deserializeDate(value.slice(0, 10)) : value;
    return date?.isValid ? formatDate(date) : "";
}

patch(PosOrderline.prototype, {
    /** How many lot/serial numbers this line still misses (0 when not tracked). */
    getMissingLotCount() {
        if (!this.product_id?.product_tmpl_id?.isTracked()) {
            return 0;
        }
        return countMissingLotNumbers(
            this.product_id.tracking,
            this.qty,
            this.pack_lot_ids.map((lotLine) => lotLine.lot_name),
        );
    },

    /**
     * The numbers printed under the line, on screen and on the receipt: "SN" for
     * serials, "Lot" for lots; a long list is joined on one wrapped line.
     */
    get packLotLines() {
        const label = this.product_id.tracking === "lot" ? _t("Lot") : _t("SN");
        const names = this.pack_lot_ids
            .filter((lotLine) => lotLine.lot_name)
            .map((lotLine) => {
                const expiry = formatLotExpiry(lotLine.lot_expiration_date);
                return expiry
                    ? _t("%(name)s (exp. %(date)s)", {
                          name: lotLine.lot_name,
                          date: expiry,
                      })
                    : lotLine.lot_name;
            });
        if (names.length > COMPACT_AFTER) {
            return [`${label}: ${names.join(", ")}`];
        }
        return names.map((name) => `${label} ${name}`);
    },

    /**
     * Valid only when every unit has its number (core: at least one number).
     * While Pay runs after the module's policy, core's own lot question is
     * answered already.
     */
    hasValidProductLot() {
        return (
            this.getMissingLotCount() === 0 ||
            Boolean(this.order_id?.uiState?.lotSerialPolicyApplied)
        );
    },
});
