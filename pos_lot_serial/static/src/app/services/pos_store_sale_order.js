import { PosStore } from "@point_of_sale/app/services/pos_store";
import { patch } from "@web/core/utils/patch";
import { _t } from "@web/core/l10n/translation";
import { deserializeDateTime, formatDate } from "@web/core/l10n/dates";
import { makeAwaitable } from "@point_of_sale/app/utils/make_awaitable_dialog";
import { SaleOrderLotPopup } from "@pos_lot_serial/app/components/popups/sale_order_lot_popup/sale_order_lot_popup";

/**
 * pos_sale's settle flow (addons/pos_sale/static/src/app/services/pos_store.js):
 * the lines of the sales order arrive without numbers (the server leaves the
 * lots out of what core reads), then the module loads the reserved numbers as
 * the POS's "Lots from sales orders" setting says.
 */
patch(PosStore.prototype, {
    async settleSO(saleOrder) {
        const linesBefore = new Set(this.getOrder().lines);
        const result = await super.settleSO(...arguments);
        const added = this.getOrder().lines.filter(
            (line) => !linesBefore.has(line) && line.sale_order_line_id,
        );
        await this.importSaleOrderLotSerials(saleOrder, added);
        return result;
    },

    /**
     * Load the numbers reserved for ``lines`` (lines of ``saleOrder`` just
     * added to the cart): ask first when the setting says so.
     */
    async importSaleOrderLotSerials(saleOrder, lines) {
        const mode = this.config.lot_serial_sale_import || "ask";
        const tracked = lines.filter((line) =>
            line.product_id.product_tmpl_id.isTracked(),
        );
        if (mode === "never" || !tracked.length) {
            return;
        }
        const saleLineIds = [
            ...new Set(tracked.map((line) => line.sale_order_line_id.id)),
        ];
        let plan;
        try {
            plan = await this.data.call(
                "sale.order.line",
                "get_pos_lot_serial_import",
                [saleLineIds, this.config.id],
            );
        } catch {
            this.notification.add(
                _t("The lot/serial numbers of %(order)s could not be loaded.", {
                    order: saleOrder.name,
                }),
                { type: "warning" },
            );
            return;
        }
        if (!plan.length) {
            return;
        }
        if (mode === "ask") {
            const load = await makeAwaitable(this.dialog, SaleOrderLotPopup, {
                orderName: saleOrder.name || "",
                rows: this.describeSaleOrderLots(plan),
            });
            if (!load) {
                return;
            }
        }
        for (const item of plan) {
            const itemLines = tracked.filter(
                (line) => line.sale_order_line_id.id === item.sale_line_id,
            );
            if (itemLines.length) {
                this.applySaleOrderLots(itemLines, item);
            }
        }
    },

    /** The rows the import prompt lists, one per number. */
    describeSaleOrderLots(plan) {
        const formatQuantity = (quantity) => String(Number(quantity.toFixed(3)));
        return plan.flatMap((item) => {
            const productName =
                this.models["product.product"].get(item.product_id)?.display_name || "";
            const rows = item.lots.map((lot) => ({
                productName,
                name: lot.name,
                quantity: formatQuantity(lot.quantity),
                expiry: lot.expiration_date
                    ? formatDate(deserializeDateTime(lot.expiration_date))
                    : "",
            }));
            const uncovered =
                item.quantity - item.lots.reduce((sum, lot) => sum + lot.quantity, 0);
            if (uncovered > 1e-6) {
                rows.push({
                    productName,
                    name: _t("(none reserved)"),
                    quantity: formatQuantity(uncovered),
                    expiry: "",
                });
            }
            return rows;
        });
    },

    /**
     * Put the numbers of one sales order line on its POS lines. Serials go one
     * per unit; lots get a line each with their quantity, and what no lot
     * covers stays on a line without number, so the total does not change.
     */
    applySaleOrderLots(lines, item) {
        const expiries = Object.fromEntries(
            item.lots.map((lot) => [lot.name, lot.expiration_date]),
        );
        if (item.tracking === "serial") {
            const names = item.lots.map((lot) => lot.name);
            for (const line of lines) {
                const units = Math.round(Math.abs(line.qty));
                this.setLinePackLots(line, names.splice(0, units), expiries);
            }
            return;
        }
        const [base, ...others] = lines;
        const total = lines.reduce((sum, line) => sum + line.qty, 0);
        for (const line of others) {
            line.delete();
        }
        const [first, ...rest] = item.lots;
        let covered = first.quantity;
        this.setLinePackLots(base, [first.name], expiries);
        base.setQuantity(first.quantity, true);
        for (const lot of rest) {
            const copy = this.copyLineForLot(base, lot.quantity);
            this.setLinePackLots(copy, [lot.name], expiries);
            covered += lot.quantity;
        }
        const uncovered = total - covered;
        if (uncovered > 0 && !base.product_id.uom_id?.isZero(uncovered)) {
            this.copyLineForLot(base, uncovered);
        }
    },
});
