import * as Chrome from "@point_of_sale/../tests/pos/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/generic_helpers/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("pos_lot_serial_demo_serial_sale", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct("Smartphone X200"),
            LotSerial.enterNumber("X200-0003"),
            LotSerial.confirm(),
            ProductScreen.selectedOrderlineHas("Smartphone X200", "1"),
            LotSerial.lineHasNumber("Smartphone X200", "X200-0003"),
            LotSerial.lineMissing("Smartphone X200", 0),
            LotSerial.payInCash(),
        ].flat(),
});
