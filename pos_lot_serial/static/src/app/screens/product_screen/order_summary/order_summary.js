import { OrderSummary } from "@point_of_sale/app/screens/product_screen/order_summary/order_summary";
import { patch } from "@web/core/utils/patch";
import { LotListButton } from "@pos_lot_serial/app/components/lot_list_button/lot_list_button";

patch(OrderSummary, {
    components: { ...OrderSummary.components, LotListButton },
});

patch(OrderSummary.prototype, {
    /** The list button opens the module's pop-up instead of core's. */
    async editPackLotLines(line) {
        await this.pos.editLineLotSerials(line);
    },
});
