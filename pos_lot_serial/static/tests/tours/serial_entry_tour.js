import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("pos_lot_serial_serial_entry", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),

            // Enter validates a serial and opens the next row; a twin is refused.
            ProductScreen.clickDisplayedProduct("Wireless Earbuds Pro"),
            LotSerial.suggestionIsShown("EBP-1001"),
            LotSerial.enterNumber("EBP-1001"),
            LotSerial.typeNumber("EBP-1001"),
            LotSerial.pressKey("Enter"),
            LotSerial.rowMessageContains("already entered on row 1"),
            LotSerial.typeNumber("EBP-1002"),
            LotSerial.pressKey("Enter"),
            LotSerial.pressKey("Enter"),
            {
                content: "Enter on the empty row confirmed the pop-up",
                trigger: "body:not(:has(.o_lot_serial_popup))",
            },
            ProductScreen.selectedOrderlineHas("Wireless Earbuds Pro", "2"),
            LotSerial.lineMissing("Wireless Earbuds Pro", 0),

            // The numpad changes the quantity: the button turns red at once.
            ProductScreen.clickNumpad("3"),
            ProductScreen.selectedOrderlineHas("Wireless Earbuds Pro", "3"),
            LotSerial.lineMissing("Wireless Earbuds Pro", 1),
            LotSerial.screenshot("red_list_button"),

            // The button reopens the pop-up with the serials kept and one empty row.
            LotSerial.clickListButton("Wireless Earbuds Pro"),
            {
                content: "the two serials are kept",
                trigger:
                    '.o_lot_serial_popup input.o_lot_serial_name[data-index="1"]:value("EBP-1002")',
            },
            LotSerial.typeNumber("EBP-1003", 2),
            LotSerial.pressKey("Enter"),
            LotSerial.confirm(),
            LotSerial.lineMissing("Wireless Earbuds Pro", 0),
            LotSerial.lineHasNumber("Wireless Earbuds Pro", "EBP-1003"),

            // Escape leaves the unit in the cart without number.
            ProductScreen.clickDisplayedProduct("Smartphone X200"),
            LotSerial.typeNumber(""),
            {
                content: "press Escape",
                trigger: ".o_lot_serial_popup input.o_lot_serial_name:focus",
                run: "press Escape",
            },
            {
                content: "the pop-up is closed",
                trigger: "body:not(:has(.o_lot_serial_popup))",
            },
            ProductScreen.selectedOrderlineHas("Smartphone X200", "1"),
            LotSerial.lineMissing("Smartphone X200", 1),

            // A second phone: an unknown number is refused, a raw GS1 string is read.
            ProductScreen.clickDisplayedProduct("Smartphone X200"),
            LotSerial.typeNumber("NOT-A-PHONE"),
            LotSerial.pressKey("Enter"),
            LotSerial.rowMessageContains("not a known number"),
            LotSerial.typeNumber("010400638133393121X200-0005"),
            LotSerial.pressKey("Enter"),
            {
                content: "the serial was read from the GS1 string",
                trigger:
                    '.o_lot_serial_popup input.o_lot_serial_name:value("X200-0005")',
            },
            LotSerial.confirm(),
            ProductScreen.selectedOrderlineHas("Smartphone X200", "2"),
            LotSerial.lineHasNumber("Smartphone X200", "X200-0005"),
            LotSerial.lineMissing("Smartphone X200", 1),

            // Optional policy: payment is not blocked by missing numbers.
            ProductScreen.clickDisplayedProduct("Smartphone X200"),
            LotSerial.discard(),
            LotSerial.lineMissing("Smartphone X200", 2),
            LotSerial.payInCash(),
            LotSerial.receiptNumbersContain("SN EBP-1003"),
            LotSerial.receiptNumbersContain("SN X200-0005"),
        ].flat(),
});
