import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as Numpad from "@point_of_sale/../tests/generic_helpers/numpad_util";
import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as TicketScreen from "@point_of_sale/../tests/pos/tours/utils/ticket_screen_util";
import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

const REFUND_POPUP = ".modal .o_refund_lot_popup";

function refundOffers(names) {
    return [
        ...names.map((name) => ({
            content: `the refund offers ${name}`,
            trigger: `${REFUND_POPUP} .o_refund_lot_name:contains("${name}")`,
        })),
        {
            content: `and only ${names.length} numbers`,
            trigger: `${REFUND_POPUP}:not(:has(.o_refund_lot_option:eq(${names.length})))`,
        },
    ];
}

function chooseRefunded(name) {
    return [
        {
            content: `${name} comes back`,
            trigger: `${REFUND_POPUP} .o_refund_lot_option:has(.o_refund_lot_name:contains("${name}")) input`,
            run: "click",
        },
    ];
}

function refundLine(productName, quantity) {
    return [
        Chrome.clickOrders(),
        TicketScreen.selectFilter("Paid"),
        {
            content: "select the sale, the oldest paid order",
            trigger: ".ticket-screen .order-row:last",
            run: "click",
        },
        {
            content: `select the ${productName} line`,
            trigger: `.ticket-screen .orderline:has(.product-name:contains("${productName}"))`,
            run: "click",
        },
        Numpad.click(String(quantity)),
        TicketScreen.confirmRefund(),
    ].flat();
}

registry.category("web_tour.tours").add("pos_lot_serial_refund", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct("Wireless Earbuds Pro"),
            LotSerial.enterNumbers(["EBP-1001", "EBP-1002", "EBP-1003"]),
            LotSerial.confirm(),
            ProductScreen.clickDisplayedProduct("Organic Honey"),
            LotSerial.enterNumber("HONEY-2026-11"),
            LotSerial.confirm(),
            LotSerial.lineHasNumber("Organic Honey", "exp."),
            LotSerial.payInCash(),
            LotSerial.receiptNumbersContain("HONEY-2026-11 (exp."),
            LotSerial.receiptNumbersContain("SN EBP-1003"),
            ReceiptScreen.clickNextOrder(),
            // Two of the three serials come back: the cashier says which.
            refundLine("Wireless Earbuds Pro", 2),
            refundOffers(["EBP-1001", "EBP-1002", "EBP-1003"]),
            chooseRefunded("EBP-1002"),
            chooseRefunded("EBP-1003"),
            {
                content: "confirm the serials coming back",
                trigger: ".modal:has(.o_refund_lot_popup) .o_refund_lot_confirm",
                run: "click",
            },
            PaymentScreen.isShown(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.clickNextOrder(),
            // The last serial is all that is left to refund.
            refundLine("Wireless Earbuds Pro", 1),
            PaymentScreen.isShown(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            LotSerial.receiptNumbersContain("EBP-1001"),
        ].flat(),
});
