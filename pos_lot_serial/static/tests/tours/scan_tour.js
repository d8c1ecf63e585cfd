import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import { scan_barcode } from "@point_of_sale/../tests/generic_helpers/utils";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("pos_lot_serial_scan", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),

            // A serial's own barcode adds its product with that serial.
            scan_barcode("X200-0006"),
            ProductScreen.selectedOrderlineHas("Smartphone X200", "1"),
            LotSerial.lineHasNumber("Smartphone X200", "X200-0006"),
            LotSerial.lineMissing("Smartphone X200", 0),

            // A GS1 string: GTIN (AI 01) finds the product, AI 10 its lot.
            scan_barcode("0105412345000013" + "10HONEY-2026-12"),
            ProductScreen.selectedOrderlineHas("Organic Honey 500g", "1"),
            LotSerial.lineHasNumber("Organic Honey 500g", "HONEY-2026-12"),

            LotSerial.payInCash(),
        ].flat(),
});
