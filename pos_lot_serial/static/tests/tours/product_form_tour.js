import * as LotSerial from "@pos_lot_serial/../tests/tours/lot_serial_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("pos_lot_serial_product_form", {
    steps: () =>
        [
            {
                content: "open the phone from Point of Sale > Products",
                trigger: ".o_kanban_record:contains('Smartphone X200')",
                run: "click",
            },
            {
                content: "open the Inventory tab",
                trigger: ".o_notebook .nav-link:contains('Inventory')",
                run: "click",
            },
            {
                content: "the phone is tracked by serial number",
                trigger: "div[name='pos_track_serial'] input:checked",
            },
            LotSerial.screenshot("product_form_tracking"),
            {
                content: "check Tracking By Lots instead",
                trigger: "div[name='pos_track_lot'] input",
                run: "click",
            },
            {
                content: "Inventory warns about the serials in stock",
                trigger: ".modal .modal-footer .btn-primary",
                run: "click",
            },
            {
                content: "the serial box was cleared at once",
                trigger:
                    "body:not(:has(.modal)) div[name='pos_track_serial'] input:not(:checked)",
            },
            {
                content: "save",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "saved",
                trigger: ".o_form_saved",
            },
        ].flat(),
});
