import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

function addPhoneWithoutSerial() {
    return [
        ProductScreen.clickDisplayedProduct("Smartphone X200"),
        LotSerial.discard(),
        LotSerial.lineMissing("Smartphone X200", 1),
    ].flat();
}

registry.category("web_tour.tours").add("pos_lot_serial_policy_required", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            addPhoneWithoutSerial(),
            ProductScreen.clickPayButton(false),
            Dialog.is({ title: "Lot/serial numbers required" }),
            {
                content: "the summary names the product and what is missing",
                trigger: ".modal-body:contains('Smartphone X200: 1 missing')",
            },
            Dialog.confirm("Ok"),
            ProductScreen.isShown(),
            LotSerial.clickListButton("Smartphone X200"),
            LotSerial.enterNumber("X200-0004"),
            LotSerial.confirm(),
            LotSerial.lineMissing("Smartphone X200", 0),
            LotSerial.payInCash(),
        ].flat(),
});

registry.category("web_tour.tours").add("pos_lot_serial_policy_warn", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            addPhoneWithoutSerial(),
            ProductScreen.clickPayButton(false),
            Dialog.is({ title: "Some lot/serial numbers are missing" }),
            Dialog.cancel(),
            ProductScreen.isShown(),
            {
                content: "click Pay again",
                trigger: ".product-screen .pay-order-button",
                run: "click",
            },
            Dialog.confirm("Proceed"),
            PaymentScreen.isShown(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
        ].flat(),
});
