import { Component, onMounted, useEffect, useRef, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { _t } from "@web/core/l10n/translation";
import { deserializeDateTime, formatDate } from "@web/core/l10n/dates";
import { debounce } from "@web/core/utils/timing";
import {
    cleanLotName,
    gs1NumberFor,
    parseGs1,
} from "@pos_lot_serial/app/utils/lot_serial_rules";

const SUGGESTION_DELAY = 150;

/**
 * Entry pop-up for the lot/serial numbers of one product.
 *
 * One input row per number (serials) or per lot with its quantity (lots).
 * Enter checks the current row and opens the next one; Enter on an empty row
 * confirms; arrows pick a suggestion; Delete on an empty row drops it.
 */
export class LotSerialPopup extends Component {
    static template = "pos_lot_serial.LotSerialPopup";
    static components = { Dialog };
    static props = {
        productName: String,
        tracking: String,
        rows: { type: Array, element: Object },
        qty: Number,
        canCreateLots: Boolean,
        fetchSuggestions: Function,
        checkNumbers: Function,
        findUsage: Function,
        getPayload: Function,
        close: Function,
    };

    setup() {
        this.nextKey = 0;
        this.root = useRef("root");
        const rows = this.props.rows.map((row) =>
            this.makeRow(row.text, row.qty, "ok"),
        );
        const missing = this.isSerial
            ? Math.max(1, Math.ceil(this.props.qty) - rows.length)
            : rows.length
              ? 0
              : 1;
        for (let index = 0; index < missing; index++) {
            rows.push(this.makeRow("", this.isSerial ? 1 : this.props.qty || 1));
        }
        const firstEmpty = rows.findIndex((row) => !row.name);
        // The dialog focuses its first input when it opens: rows only follow
        // the focus once the pop-up has put it on the first empty row.
        this.ready = false;
        this.state = useState({
            rows,
            active: firstEmpty < 0 ? rows.length - 1 : firstEmpty,
            suggestions: [],
            highlighted: -1,
            offline: false,
            busy: false,
            focusRequest: 0,
        });
        // Suggestions show at once when the pop-up opens; while typing they
        // wait for a pause.
        this.loadSuggestionsNow = this.loadSuggestions.bind(this);
        this.loadSuggestions = debounce(
            this.loadSuggestions.bind(this),
            SUGGESTION_DELAY,
        );
        useEffect(
            () => this.focusActive(),
            () => [this.state.focusRequest],
        );
        onMounted(() => {
            this.ready = true;
            this.requestFocus(this.state.active);
            this.loadSuggestionsNow(this.activeRow?.name || "");
        });
    }

    get isSerial() {
        return this.props.tracking === "serial";
    }

    get title() {
        return this.isSerial ? _t("Serial numbers") : _t("Lot numbers");
    }

    get placeholder() {
        return this.isSerial
            ? _t("Type or scan a serial number")
            : _t("Type or scan a lot");
    }

    get activeRow() {
        return this.state.rows[this.state.active];
    }

    get enteredCount() {
        return this.state.rows.filter((row) => cleanLotName(row.name)).length;
    }

    get enteredQty() {
        return this.state.rows
            .filter((row) => cleanLotName(row.name))
            .reduce((total, row) => total + (Number(row.qty) || 0), 0);
    }

    get counterText() {
        if (this.isSerial) {
            return _t("%(entered)s of %(needed)s entered", {
                entered: this.enteredCount,
                needed: Math.max(Math.ceil(this.props.qty), this.enteredCount),
            });
        }
        return _t("%(entered)s of %(needed)s units have a lot", {
            entered: this.enteredQty,
            needed: this.props.qty,
        });
    }

    makeRow(name = "", qty = 1, status = "empty") {
        return { key: this.nextKey++, name: name || "", qty, status, message: "" };
    }

    focusActive() {
        const input = this.root.el?.querySelector(
            `input.o_lot_serial_name[data-index="${this.state.active}"]`,
        );
        if (input && document.activeElement !== input) {
            input.focus();
            input.select();
        }
    }

    requestFocus(index) {
        this.state.active = index;
        this.state.focusRequest++;
    }

    // --- Suggestions ----------------------------------------------------------------

    async loadSuggestions(query) {
        if (this.state.offline) {
            return;
        }
        // Only the latest request may fill the list: answers can cross.
        const request = (this.suggestionRequest = (this.suggestionRequest || 0) + 1);
        try {
            const lots = await this.props.fetchSuggestions(cleanLotName(query));
            if (request !== this.suggestionRequest) {
                return;
            }
            const taken = new Set(this.state.rows.map((row) => cleanLotName(row.name)));
            const highlightedId = this.state.suggestions[this.state.highlighted]?.id;
            this.state.suggestions = lots.filter(
                (lot) => !this.isSerial || !taken.has(lot.name) || lot.name === query,
            );
            // A late answer keeps the cashier's highlighted choice.
            this.state.highlighted = this.state.suggestions.findIndex(
                (lot) => lot.id === highlightedId,
            );
        } catch {
            this.goOffline();
        }
    }

    goOffline() {
        this.state.offline = true;
        this.state.suggestions = [];
    }

    pickSuggestion(lot) {
        const row = this.activeRow;
        row.name = lot.name;
        if (!this.isSerial && lot.quantity > 0) {
            const remaining = this.props.qty - this.enteredQty + (Number(row.qty) || 0);
            row.qty = Math.max(1, Math.min(remaining || 1, lot.quantity));
        }
        this.state.suggestions = [];
        return this.validateAndAdvance();
    }

    formatQuantity(lot) {
        return _t("%(qty)s in stock", { qty: lot.quantity });
    }

    formatExpiry(lot) {
        return lot.expiration_date
            ? formatDate(deserializeDateTime(lot.expiration_date))
            : "";
    }

    // --- Events -----------------------------------------------------------------------

    onFocusRow(index) {
        if (this.ready && this.state.active !== index) {
            this.state.active = index;
            this.loadSuggestions(this.state.rows[index].name);
        }
    }

    onInput(index, ev) {
        const row = this.state.rows[index];
        row.name = ev.target.value;
        row.status = row.name ? "pending" : "empty";
        row.message = "";
        this.loadSuggestions(row.name);
    }

    onQtyInput(index, ev) {
        const value = parseFloat(ev.target.value);
        this.state.rows[index].qty = isNaN(value) || value <= 0 ? 1 : value;
    }

    async onKeydown(index, ev) {
        const suggestions = this.state.suggestions;
        switch (ev.key) {
            case "ArrowDown":
                if (suggestions.length) {
                    ev.preventDefault();
                    this.state.highlighted =
                        (this.state.highlighted + 1) % suggestions.length;
                }
                return;
            case "ArrowUp":
                if (suggestions.length) {
                    ev.preventDefault();
                    this.state.highlighted =
                        (this.state.highlighted - 1 + suggestions.length) %
                        suggestions.length;
                }
                return;
            case "Enter": {
                ev.preventDefault();
                ev.stopPropagation();
                const picked = suggestions[this.state.highlighted];
                if (picked) {
                    await this.pickSuggestion(picked);
                } else if (!cleanLotName(this.state.rows[index].name)) {
                    await this.confirm();
                } else {
                    await this.validateAndAdvance();
                }
                return;
            }
            case "Delete":
                if (!this.state.rows[index].name || ev.ctrlKey) {
                    ev.preventDefault();
                    this.removeRow(index);
                }
                return;
        }
    }

    removeRow(index) {
        const rows = this.state.rows;
        rows.splice(index, 1);
        if (!rows.length) {
            rows.push(this.makeRow("", this.isSerial ? 1 : this.props.qty || 1));
        }
        this.requestFocus(Math.min(index, rows.length - 1));
    }

    // --- Checks -------------------------------------------------------------------------

    /** Read a scanned GS1 string as the number it carries for this product. */
    normalizeRow(row) {
        const gs1 = gs1NumberFor(this.props.tracking, parseGs1(row.name));
        row.name = cleanLotName(gs1 || row.name);
    }

    /** Check one row locally, then on the server; return false when refused. */
    async checkRow(index) {
        const row = this.state.rows[index];
        this.normalizeRow(row);
        if (!row.name) {
            row.status = "empty";
            return true;
        }
        if (this.isSerial) {
            const twin = this.state.rows.findIndex(
                (other, otherIndex) => otherIndex !== index && other.name === row.name,
            );
            if (twin !== -1) {
                return this.refuse(
                    row,
                    _t("%(name)s is already entered on row %(row)s.", {
                        name: row.name,
                        row: twin + 1,
                    }),
                );
            }
            const usage = this.props.findUsage(row.name);
            if (usage) {
                return this.refuse(row, usage);
            }
        }
        if (this.state.offline) {
            return this.markUnchecked(row);
        }
        let answer;
        try {
            answer = (await this.props.checkNumbers([row.name]))[row.name];
        } catch {
            this.goOffline();
            return this.markUnchecked(row);
        }
        return this.applyServerAnswer(row, answer);
    }

    applyServerAnswer(row, answer) {
        const name = row.name;
        row.expirationDate = answer?.expiration_date || false;
        switch (answer?.status) {
            case "available":
                row.status = "ok";
                row.message = this.isSerial ? "" : this.formatQuantity(answer);
                return true;
            case "expired":
                row.status = "warning";
                row.message = _t("Expired on %(date)s: check before selling.", {
                    date: this.formatExpiry(answer),
                });
                return true;
            case "new":
                row.status = "ok";
                row.message = _t("New number: it will be created.");
                return true;
            case "out_of_stock":
                if (this.isSerial) {
                    return this.refuse(
                        row,
                        _t("%(name)s is not in stock in this shop (sold or moved).", {
                            name,
                        }),
                    );
                }
                row.status = "warning";
                row.message = _t("%(name)s has no stock left in this shop.", { name });
                return true;
            default:
                return this.refuse(
                    row,
                    _t(
                        "%(name)s is not a known number of this product, and this Point of Sale cannot create new ones.",
                        { name },
                    ),
                );
        }
    }

    refuse(row, message) {
        row.status = "error";
        row.message = message;
        return false;
    }

    markUnchecked(row) {
        row.status = "unchecked";
        row.message = _t("Offline: checked when the order syncs.");
        return true;
    }

    async validateAndAdvance() {
        const index = this.state.active;
        if (!(await this.checkRow(index))) {
            this.requestFocus(index);
            return;
        }
        const rows = this.state.rows;
        let next = rows.findIndex((row, rowIndex) => rowIndex > index && !row.name);
        if (next === -1) {
            const remaining = Math.max(1, this.props.qty - this.enteredQty);
            rows.push(this.makeRow("", this.isSerial ? 1 : remaining));
            next = rows.length - 1;
        }
        this.state.suggestions = [];
        this.requestFocus(next);
        this.loadSuggestions("");
    }

    async confirm() {
        if (this.state.busy) {
            return;
        }
        this.state.busy = true;
        try {
            for (let index = 0; index < this.state.rows.length; index++) {
                const row = this.state.rows[index];
                if (
                    ["pending", "error"].includes(row.status) &&
                    !(await this.checkRow(index))
                ) {
                    this.requestFocus(index);
                    return;
                }
            }
            this.props.getPayload(
                this.state.rows
                    .filter((row) => cleanLotName(row.name))
                    .map((row) => ({
                        name: cleanLotName(row.name),
                        qty: this.isSerial ? 1 : Number(row.qty) || 1,
                        checked: row.status !== "unchecked",
                        expiration_date: row.expirationDate || false,
                    })),
            );
            this.props.close();
        } finally {
            this.state.busy = false;
        }
    }

    discard() {
        this.props.close();
    }
}
