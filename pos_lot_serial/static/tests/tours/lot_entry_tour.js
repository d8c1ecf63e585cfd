import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("pos_lot_serial_lot_entry", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),

            // Suggestions come first-expiry-first; arrows and Enter pick one.
            ProductScreen.clickDisplayedProduct("Organic Honey 500g"),
            {
                content: "the lot expiring first is suggested first",
                trigger:
                    ".o_lot_serial_suggestion:first-child .o_lot_serial_suggestion_name:contains('HONEY-2026-09')",
            },
            LotSerial.screenshot("popup_suggestions"),
            LotSerial.typeNumber("2026-09"),
            {
                content: "one lot left for '2026-09'",
                trigger:
                    ".o_lot_serial_suggestions:not(:has(.o_lot_serial_suggestion:nth-child(2)))",
            },
            LotSerial.pressKey("ArrowDown"),
            {
                content: "the first suggestion is highlighted",
                trigger: ".o_lot_serial_suggestion.active:contains('HONEY-2026-09')",
            },
            LotSerial.pressKey("Enter"),
            {
                content: "the highlighted lot was picked",
                trigger:
                    '.o_lot_serial_popup input.o_lot_serial_name[data-index="0"]:value("HONEY-2026-09")',
            },
            LotSerial.setLotQuantity(0, "4"),
            LotSerial.typeNumber("HONEY-2026-11", 1),
            LotSerial.pressKey("Enter"),
            LotSerial.setLotQuantity(1, "2"),
            LotSerial.confirm(),

            // Two lots: two lines, one per lot, each with its quantity.
            ProductScreen.orderLineHas("Organic Honey 500g", "4"),
            ProductScreen.orderLineHas("Organic Honey 500g", "2"),
            LotSerial.lineHasNumber("Organic Honey 500g", "HONEY-2026-09"),
            LotSerial.lineHasNumber("Organic Honey 500g", "HONEY-2026-11"),
            LotSerial.payInCash(),
            LotSerial.receiptNumbersContain("Lot HONEY-2026-09"),
            LotSerial.receiptNumbersContain("Lot HONEY-2026-11"),
            LotSerial.screenshot("receipt_numbers"),
        ].flat(),
});
