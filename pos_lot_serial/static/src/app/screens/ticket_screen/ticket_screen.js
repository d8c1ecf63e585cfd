import { TicketScreen } from "@point_of_sale/app/screens/ticket_screen/ticket_screen";
import { patch } from "@web/core/utils/patch";

patch(TicketScreen.prototype, {
    /**
     * Before the refund goes to payment, its tracked lines take the numbers
     * that come back (the cashier chooses for a partial refund of serials).
     */
    async addAdditionalRefundInfo(order, destinationOrder) {
        await super.addAdditionalRefundInfo(...arguments);
        await this.pos.setRefundLotSerials(destinationOrder);
    },
});
