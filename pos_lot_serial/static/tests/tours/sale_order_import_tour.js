import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";
import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("pos_lot_serial_sale_order_ask", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            LotSerial.settleSaleOrder("Tour Customer Load"),
            LotSerial.salePromptRowCount("Smartphone X200", 2),
            LotSerial.salePromptLists("Paracetamol", "PCM-A099", "8"),
            LotSerial.salePromptLists("Paracetamol", "PCM-A101", "30"),
            LotSerial.salePromptLists("Paracetamol", "(none reserved)", "2"),
            LotSerial.screenshot("sale_order_prompt"),
            LotSerial.answerSalePrompt(true),
            LotSerial.lineHasNumber("Smartphone X200", "X200-"),
            LotSerial.lineMissing("Smartphone X200", 0),
            LotSerial.cartLineHasNumber("Paracetamol", "8", "PCM-A099"),
            LotSerial.cartLineHasNumber("Paracetamol", "30", "PCM-A101"),
            LotSerial.cartLineWithoutNumber("Paracetamol", "2"),
            // Numbers loaded stay editable through the list button.
            LotSerial.clickListButton("Smartphone X200"),
            LotSerial.popupFilledRows(2),
            LotSerial.discard(),
            LotSerial.payInCash(),
            ReceiptScreen.clickNextOrder(),
            LotSerial.settleSaleOrder("Tour Customer Skip"),
            LotSerial.salePromptLists("Organic Honey", "HONEY-2026-", "3"),
            LotSerial.answerSalePrompt(false),
            LotSerial.lineMissing("Organic Honey", 1),
            LotSerial.payInCash(),
        ].flat(),
});

registry.category("web_tour.tours").add("pos_lot_serial_sale_order_always", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            LotSerial.settleSaleOrder("Tour Customer"),
            LotSerial.noDialogOpen(),
            LotSerial.cartLineHasNumber("Organic Honey", "3", "HONEY-2026-"),
            LotSerial.cartLineWithoutNumber("Organic Honey", "5"),
            LotSerial.payInCash(),
        ].flat(),
});

registry.category("web_tour.tours").add("pos_lot_serial_sale_order_never", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            LotSerial.settleSaleOrder("Tour Customer"),
            LotSerial.noDialogOpen(),
            LotSerial.lineMissing("Smartphone X200", 2),
            LotSerial.payInCash(),
        ].flat(),
});
