import { PosOrderline } from "@point_of_sale/app/models/pos_order_line";
import { patch } from "@web/core/utils/patch";
import { countMissingLotNumbers } from "@pos_lot_serial/app/utils/lot_serial_rules";

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

    /** Valid only when every unit has its number (core: at least one number). */
    hasValidProductLot() {
        return this.getMissingLotCount() === 0;
    },
});
