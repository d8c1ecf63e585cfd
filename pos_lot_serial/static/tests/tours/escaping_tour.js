import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

const HTML_LOT = "<b>HTML-LOT</b>";

function noBoldIn(selector) {
    return {
        content: `nothing in ${selector} was rendered as HTML`,
        trigger: "body",
        run: () => {
            if (document.querySelector(`${selector} b`)) {
                throw new Error(`${selector} rendered a lot name as HTML`);
            }
        },
    };
}

registry.category("web_tour.tours").add("pos_lot_serial_escaping", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct("Organic Honey 500g"),
            LotSerial.suggestionIsShown(HTML_LOT),
            noBoldIn(".o_lot_serial_popup .o_lot_serial_suggestion_name"),
            LotSerial.enterNumber(HTML_LOT),
            LotSerial.confirm(),
            LotSerial.lineHasNumber("Organic Honey 500g", HTML_LOT),
            noBoldIn(".order-container li.lot-number"),
            LotSerial.payInCash(),
            LotSerial.receiptNumbersContain(HTML_LOT),
            noBoldIn(".receipt-screen li.lot-number"),
        ].flat(),
});
