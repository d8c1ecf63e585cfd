import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("pos_lot_serial_keyboard", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct("Wireless Earbuds Pro"),
            LotSerial.enterNumber("EBP-1001"),
            LotSerial.pressKey("Enter"),
            {
                content: "Enter on the empty row confirmed",
                trigger: "body:not(:has(.o_lot_serial_popup))",
            },
            LotSerial.lineHasNumber("Wireless Earbuds Pro", "EBP-1001"),

            // A second, open order: the serial in the first one is refused.
            Chrome.createFloatingOrder(),
            ProductScreen.clickDisplayedProduct("Wireless Earbuds Pro"),
            LotSerial.typeNumber("EBP-1001"),
            LotSerial.pressKey("Enter"),
            LotSerial.rowMessageContains("is already in order"),

            // Delete on an empty row drops it.
            LotSerial.typeNumber("EBP-1002"),
            LotSerial.pressKey("Enter"),
            {
                content: "a second row is open",
                trigger: ".o_lot_serial_row:nth-child(2) input.o_lot_serial_name:focus",
            },
            LotSerial.pressKey("Delete"),
            {
                content: "the empty row is gone",
                trigger:
                    ".o_lot_serial_popup ol:not(:has(.o_lot_serial_row:nth-child(2)))",
            },
            LotSerial.confirm(),
            LotSerial.lineHasNumber("Wireless Earbuds Pro", "EBP-1002"),
            LotSerial.lineMissing("Wireless Earbuds Pro", 0),
        ].flat(),
});
