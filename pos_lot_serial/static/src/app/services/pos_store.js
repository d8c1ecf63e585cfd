import { PosStore } from "@point_of_sale/app/services/pos_store";
import { patch } from "@web/core/utils/patch";
import { _t } from "@web/core/l10n/translation";
import { ask, makeAwaitable } from "@point_of_sale/app/utils/make_awaitable_dialog";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { LotSerialPopup } from "@pos_lot_serial/app/components/popups/lot_serial_popup/lot_serial_popup";
import { RefundLotPopup } from "@pos_lot_serial/app/components/popups/refund_lot_popup/refund_lot_popup";
import { cleanLotName } from "@pos_lot_serial/app/utils/lot_serial_rules";
import { deserializeDateTime } from "@web/core/l10n/dates";

const SUGGESTION_LIMIT = 20;

patch(PosStore.prototype, {
    /**
     * Core adds a product in several awaited steps and asks for its numbers
     * through ``editLots`` on the way; the numbers confirmed there are put on
     * the resulting line once it exists (merged or split as needed).
     */
    async addLineToOrder(vals, order, opts = {}, configure = true) {
        this._lotSerialPending = null;
        const quantitiesBefore = new Map(order.lines.map((line) => [line, line.qty]));
        const result = await super.addLineToOrder(...arguments);
        const pending = this._lotSerialPending;
        this._lotSerialPending = null;
        // Core returns the line it added or merged into, nothing when it stopped.
        const line = result?.product_id ? result : null;
        if (pending && line?.product_id?.id === pending.product.id) {
            // The pop-up showed the numbers of the line core meant to merge
            // into; when core made a new line instead, it only takes the new ones.
            const entries =
                line === pending.mergeTarget
                    ? pending.entries
                    : pending.entries.filter(
                          (entry) => !pending.kept.includes(entry.name),
                      );
            // Core sets a serial line's quantity from its numbers; the unit just
            // added counts even when it has no number yet.
            const units =
                Math.abs(quantitiesBefore.get(line) || 0) + Math.abs(vals.qty || 1);
            this.applyLotSerialEntries(line, entries, units);
        }
        return result;
    },

    /**
     * Ask for the numbers of a product being added, with the module's pop-up.
     * Discarding still adds the unit, without number: numbers are required,
     * not mandatory.
     */
    async editLots(product, packLotLinesToEdit) {
        const kept = packLotLinesToEdit.filter((row) => row.text);
        const mergeTarget = this.getOrder()
            ?.getOrderlines()
            .find((line) => line.product_id.id === product.id && !line.getDiscount());
        const units =
            product.tracking === "serial" ? Math.abs(mergeTarget?.qty || 0) + 1 : 1;
        const entries = await this.askLotSerialNumbers(product, {
            rows: kept.map((row) => ({ text: row.text, qty: 1 })),
            qty: units,
            line: mergeTarget,
        });
        this._lotSerialPending = {
            product,
            mergeTarget,
            kept: kept.map((row) => row.text),
            entries: entries || kept.map((row) => ({ name: row.text, qty: 1 })),
        };
        return {
            modifiedPackLotLines: Object.fromEntries(
                kept.filter((row) => row.id).map((row) => [row.id, row.text]),
            ),
            newPackLotLines: [],
        };
    },

    /**
     * Open the pop-up for a line already in the cart (the list button), keeping
     * the numbers already entered and offering empty rows for the missing ones.
     */
    async editLineLotSerials(line) {
        if (line.refunded_orderline_id) {
            const refundable = await this.fetchRefundableLotSerials([line]);
            if (!refundable) {
                line.editPackLotLines(await this.editLotsRefund(line));
                return;
            }
            await this.chooseRefundLotSerials(
                line,
                this.withoutLocalRefunds(
                    line,
                    refundable[line.refunded_orderline_id.id] || [],
                ),
            );
            return;
        }
        const product = line.product_id;
        const rows = line.pack_lot_ids.map((lotLine) => ({
            text: lotLine.lot_name,
            qty: product.tracking === "lot" ? Math.abs(line.qty) : 1,
        }));
        const entries = await this.askLotSerialNumbers(product, {
            rows,
            qty: Math.abs(line.qty) || 1,
            line,
        });
        if (entries) {
            this.applyLotSerialEntries(line, entries);
        }
    },

    /**
     * The numbers of the sold lines that ``lines`` refund and that can still
     * come back, from the server (refunds made on other terminals count):
     * ``{sold line id: [{name, quantity}]}``, or null when offline.
     */
    async fetchRefundableLotSerials(lines) {
        const ids = [
            ...new Set(
                lines
                    .map((line) => line.refunded_orderline_id?.id)
                    .filter((id) => typeof id === "number"),
            ),
        ];
        if (!ids.length) {
            return null;
        }
        try {
            return await this.data.call(
                "pos.order.line",
                "get_refundable_lot_serials",
                [ids],
            );
        } catch {
            return null;
        }
    },

    /**
     * Put on each tracked refund line of ``order`` the numbers that come back:
     * all of them when the refund takes every unit still refundable, the
     * cashier's choice for a partial refund of serials.
     */
    async setRefundLotSerials(order) {
        const lines = order
            .getOrderlines()
            .filter(
                (line) =>
                    line.refunded_orderline_id &&
                    line.product_id.product_tmpl_id.isTracked(),
            );
        const refundable =
            lines.length && (await this.fetchRefundableLotSerials(lines));
        if (!refundable) {
            return;
        }
        for (const line of lines) {
            const options = this.withoutLocalRefunds(
                line,
                refundable[line.refunded_orderline_id.id] || [],
            );
            const units = Math.round(Math.abs(line.qty));
            if (line.product_id.tracking === "serial" && options.length > units) {
                // Nothing is ticked: the cashier says which serials come back.
                await this.chooseRefundLotSerials(line, options, []);
                continue;
            }
            const count = line.product_id.tracking === "serial" ? units : 1;
            this.setLinePackLots(
                line,
                options.slice(0, count).map((option) => option.name),
            );
        }
    },

    /**
     * ``options`` less the serials that refunds paid in this POS and not synced
     * yet take back already (the server does not know them).
     */
    withoutLocalRefunds(line, options) {
        if (line.product_id.tracking !== "serial") {
            return options;
        }
        const taken = new Set(
            line.refunded_orderline_id.refund_orderline_ids
                .filter(
                    (refund) =>
                        refund !== line &&
                        !["cancel", "draft"].includes(refund.order_id.state),
                )
                .flatMap((refund) => refund.pack_lot_ids.map((lot) => lot.lot_name)),
        );
        return options.filter((option) => !taken.has(option.name));
    },

    /**
     * Let the cashier choose which of ``options`` come back on a refund line; a
     * serial refund takes one unit per serial chosen. ``selected`` are the
     * names ticked at first (default: the line's own).
     */
    async chooseRefundLotSerials(line, options, selected = null) {
        const product = line.product_id;
        const chosen = await makeAwaitable(this.dialog, RefundLotPopup, {
            productName: product.display_name,
            tracking: product.tracking,
            options: options.map((option) => ({
                name: option.name,
                quantity: String(option.quantity),
            })),
            selected: selected ?? line.pack_lot_ids.map((lotLine) => lotLine.lot_name),
        });
        if (!chosen) {
            return;
        }
        this.setLinePackLots(line, chosen);
        if (product.tracking === "serial") {
            line.setQuantity(-chosen.length, true);
        }
    },

    /**
     * Show the entry pop-up and return the confirmed entries
     * ``[{name, qty, checked}]``, or null when discarded.
     */
    async askLotSerialNumbers(product, { rows = [], qty = 1, line = null } = {}) {
        const pickingType = this.pickingType;
        const payload = await makeAwaitable(this.dialog, LotSerialPopup, {
            productName: product.display_name,
            tracking: product.tracking,
            rows,
            qty,
            canCreateLots: Boolean(
                pickingType.use_create_lots || !pickingType.use_existing_lots,
            ),
            fetchSuggestions: (query) => this.fetchLotSerialSuggestions(product, query),
            checkNumbers: (names) => this.checkLotSerialNumbers(product, names),
            findUsage: (name) => this.findLotSerialUsage(product, name, line),
        });
        return payload || null;
    },

    async fetchLotSerialSuggestions(product, query) {
        return this.data.call("pos.order.line", "get_lot_serial_suggestions", [
            this.config.id,
            product.id,
            query || "",
            SUGGESTION_LIMIT,
        ]);
    },

    /**
     * The product a scanned lot/serial number belongs to, as
     * ``{product, number}``, or null (also when the server cannot be reached).
     */
    async findProductByLotSerial(name) {
        let found;
        try {
            found = await this.data.call("pos.order.line", "find_lot_serial_by_name", [
                this.config.id,
                name,
            ]);
        } catch {
            return null;
        }
        if (!found) {
            return null;
        }
        let product = this.models["product.product"].get(found.product_id);
        if (!product) {
            const records = await this.loadNewProducts([["id", "=", found.product_id]]);
            product = records?.["product.product"]?.[0];
        }
        return product ? { product, number: found.name } : null;
    },

    async checkLotSerialNumbers(product, names) {
        return this.data.call("pos.order.line", "check_lot_serial_numbers", [
            this.config.id,
            product.id,
            names,
        ]);
    },

    /**
     * Where a serial is already used in this POS (another line, or another open
     * order), as a sentence for the cashier; null when it is free.
     */
    findLotSerialUsage(product, name, currentLine) {
        if (product.tracking !== "serial") {
            return null;
        }
        for (const order of this.models["pos.order"].getAll()) {
            if (order.finalized || order.state !== "draft") {
                continue;
            }
            for (const line of order.getOrderlines()) {
                if (line === currentLine || line.product_id.id !== product.id) {
                    continue;
                }
                if (line.pack_lot_ids.some((lotLine) => lotLine.lot_name === name)) {
                    return order === this.getOrder()
                        ? _t("%(name)s is already on another line of this order.", {
                              name,
                          })
                        : _t("%(name)s is already in order %(order)s.", {
                              name,
                              order:
                                  order.getName?.() ||
                                  order.pos_reference ||
                                  order.uuid,
                          });
                }
            }
        }
        return null;
    },

    /**
     * Put confirmed entries on a line. Serial lines take one serial per unit:
     * their quantity grows with the serials entered and never drops below
     * ``units`` (default: the line's quantity), so no unit is lost silently.
     * Lot lines take one lot each: the first lot stays on the line, each
     * further lot gets a line of its own with the same price and discount.
     */
    applyLotSerialEntries(line, entries, units = null) {
        const names = entries.map((entry) => cleanLotName(entry.name)).filter(Boolean);
        const expiries = Object.fromEntries(
            entries.map((entry) => [cleanLotName(entry.name), entry.expiration_date]),
        );
        if (line.product_id.tracking === "serial") {
            this.setLinePackLots(line, names, expiries);
            const quantity = Math.max(names.length, units || Math.abs(line.qty));
            if (quantity) {
                line.setQuantity(line.qty < 0 ? -quantity : quantity);
            }
            return;
        }
        const lots = entries.filter((entry) => cleanLotName(entry.name));
        if (!lots.length) {
            this.setLinePackLots(line, []);
            return;
        }
        const sign = line.qty < 0 ? -1 : 1;
        const [first, ...others] = lots;
        this.setLinePackLots(line, [cleanLotName(first.name)], expiries);
        // A weighed product keeps its weight when it takes a single lot.
        if (others.length || !line.product_id.to_weight) {
            line.setQuantity(sign * (first.qty || 1));
        }
        for (const entry of others) {
            const copy = this.copyLineForLot(line, sign * (entry.qty || 1));
            this.setLinePackLots(copy, [cleanLotName(entry.name)], expiries);
        }
        line.order_id.selectOrderline(line);
    },

    /**
     * A new line of the same product, price, discount, taxes and sales order
     * line as ``line``, for another lot.
     */
    copyLineForLot(line, qty) {
        return this.models["pos.order.line"].create({
            order_id: line.order_id,
            product_id: line.product_id,
            product_tmpl_id: line.product_id.product_tmpl_id,
            price_unit: line.price_unit,
            price_type: line.price_type,
            discount: line.discount,
            tax_ids: line.tax_ids.map((tax) => ["link", tax]),
            sale_order_origin_id: line.sale_order_origin_id,
            sale_order_line_id: line.sale_order_line_id,
            qty,
        });
    },

    /**
     * Make the line's pack-lot lines exactly ``names``, reusing existing ones.
     * ``expiries`` maps a name to its lot's expiry date, when known.
     */
    setLinePackLots(line, names, expiries = {}) {
        const existing = [...line.pack_lot_ids];
        names.forEach((name, index) => {
            const values = {
                lot_name: name,
                // The expiry day where the shop is, as the server stores it.
                lot_expiration_date: expiries[name]
                    ? deserializeDateTime(expiries[name]).toISODate()
                    : false,
            };
            if (existing[index]) {
                existing[index].update(values);
            } else {
                this.models["pos.pack.operation.lot"].create({
                    ...values,
                    pos_order_line_id: line,
                });
            }
        });
        for (const lotLine of existing.slice(names.length)) {
            lotLine.delete();
        }
    },

    /**
     * Lines of the current order that miss numbers, as
     * ``[{line, productName, missing}]``.
     */
    getLinesMissingLotNumbers(order = this.getOrder()) {
        // Refunds take back the numbers sold, when there were any.
        return order
            .getOrderlines()
            .filter((line) => !line.refunded_orderline_id)
            .map((line) => ({
                line,
                productName:
                    line.getFullProductName?.() || line.product_id.display_name,
                missing: line.getMissingLotCount(),
            }))
            .filter((item) => item.missing > 0);
    },

    /**
     * Tell the cashier when the server refused numbers of an order it just
     * received (typed offline, or sold meanwhile by another terminal): the order
     * is kept, the numbers are left for a manager to check.
     */
    async postSyncAllOrders(orders) {
        await super.postSyncAllOrders(...arguments);
        for (const order of orders || []) {
            const issues = order.lines
                .filter((line) => line.lot_issue && !line.uiState.lotIssueShown)
                .map((line) => {
                    line.uiState.lotIssueShown = true;
                    return `${line.product_id.display_name}: ${line.lot_issue}`;
                });
            if (issues.length) {
                this.notification.add(issues.join("\n"), {
                    title: _t("%(order)s: lot/serial numbers refused", {
                        order: order.pos_reference || order.name || "",
                    }),
                    type: "warning",
                    sticky: true,
                });
            }
        }
    },

    /** Apply the POS's lot/serial policy before going to payment. */
    async pay() {
        const order = this.getOrder();
        const missing = order ? this.getLinesMissingLotNumbers(order) : [];
        const policy = this.config.lot_serial_policy || "optional";
        if (!missing.length || !order.canPay()) {
            return super.pay(...arguments);
        }
        const summary = missing
            .map(({ productName, missing: count }) =>
                _t("%(product)s: %(count)s missing", { product: productName, count }),
            )
            .join("\n");
        if (policy === "required") {
            this.dialog.add(AlertDialog, {
                title: _t("Lot/serial numbers required"),
                body: _t(
                    "This Point of Sale requires every lot/serial number before payment.\n%(summary)s",
                    { summary },
                ),
            });
            return;
        }
        if (policy === "warn") {
            const confirmed = await ask(this.dialog, {
                title: _t("Some lot/serial numbers are missing"),
                body: _t("%(summary)s\n\nProceed to payment anyway?", { summary }),
                confirmLabel: _t("Proceed"),
                cancelLabel: _t("Add the numbers"),
            });
            if (!confirmed) {
                return;
            }
        } else {
            this.notification.add(summary, {
                title: _t("Lot/serial numbers to complete later"),
                type: "warning",
            });
        }
        // Core asks its own yes/no question about lots: the policy answered it.
        order.uiState.lotSerialPolicyApplied = true;
        try {
            return await super.pay(...arguments);
        } finally {
            order.uiState.lotSerialPolicyApplied = false;
        }
    },
});
