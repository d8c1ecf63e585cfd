import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as Offline from "@point_of_sale/../tests/generic_helpers/offline_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

/* global posmodel */

registry.category("web_tour.tours").add("pos_lot_serial_offline", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            Offline.setOfflineMode(),

            // No server: entry goes on, numbers are marked unchecked.
            ProductScreen.clickDisplayedProduct("Smartphone X200"),
            {
                content: "the pop-up says it is offline",
                trigger: ".o_lot_serial_popup .o_lot_serial_offline",
            },
            LotSerial.typeNumber("X200-0002"),
            LotSerial.pressKey("Enter"),
            LotSerial.rowMessageContains("Offline: checked when the order syncs"),
            LotSerial.typeNumber("FAKE-PHONE-9"),
            LotSerial.pressKey("Enter"),
            LotSerial.confirm(),
            ProductScreen.selectedOrderlineHas("Smartphone X200", "2"),
            LotSerial.lineMissing("Smartphone X200", 0),
            LotSerial.payInCash(),

            // Back online: the order syncs and the server checks the numbers.
            Offline.setOnlineMode(),
            Dialog.confirm(),
            ReceiptScreen.clickNextOrder(),
            ProductScreen.isShown(),
            {
                content: "the offline order was sent to the server",
                trigger: "body",
                run: async () => {
                    await posmodel.syncAllOrders({ throw: true });
                },
            },
            {
                content: "the cashier is told which number the server refused",
                trigger:
                    '.o_notification:contains("FAKE-PHONE-9"):contains("unknown number")',
            },
        ].flat(),
});
