/**
 * Business rules of lot/serial entry shared by the components of pos_lot_serial.
 *
 * The server holds the same counting rule (``count_missing_lot_numbers`` in
 * models/pos_order_line.py); keep both in step.
 */

/** Number of lot/serial numbers a line still misses. */
export function countMissingLotNumbers(tracking, qty, lotNames) {
    if (!["serial", "lot"].includes(tracking) || !qty) {
        return 0;
    }
    const names = new Set(lotNames.map((name) => (name || "").trim()).filter(Boolean));
    if (tracking === "serial") {
        return Math.max(0, Math.ceil(Math.abs(qty) - 1e-6) - names.size);
    }
    return names.size ? 0 : 1;
}

/** Trim a typed or scanned number; return "" for blanks. */
export function cleanLotName(text) {
    return (text || "").replace(/[\r\n\t]/g, " ").trim();
}

// GS1 Application Identifiers read by the POS: fixed length or variable.
const GS1_FIXED = { "01": 14, "02": 14, 11: 6, 13: 6, 15: 6, 17: 6 };
const GS1_VARIABLE = ["10", "21"];
const GS1_GROUP_SEPARATOR = "\x1d";

/**
 * Parse a GS1-128 / GS1 DataMatrix string into ``{gtin, lot, serial, expiry}``.
 *
 * Accepts the raw form (FNC1 as ASCII 29, optional ``]C1``/``]d2``/``]Q3``
 * symbology prefix) and the human-readable form with parentheses. Returns null
 * when the string is not a GS1 string with at least one known identifier.
 */
export function parseGs1(code) {
    if (!code) {
        return null;
    }
    let text = code.replace(/^\](C1|d2|Q3|e0)/, "");
    const result = {};
    if (text.startsWith("(")) {
        const parts = [...text.matchAll(/\((\d{2,4})\)([^(]*)/g)];
        if (!parts.length) {
            return null;
        }
        for (const [, ai, value] of parts) {
            storeGs1Value(result, ai, value);
        }
        return result.gtin || result.lot || result.serial ? result : null;
    }
    if (!/^(01|02|10|21|17)/.test(text)) {
        return null;
    }
    while (text.length) {
        const ai = text.slice(0, 2);
        let value;
        if (GS1_FIXED[ai]) {
            value = text.slice(2, 2 + GS1_FIXED[ai]);
            if (value.length !== GS1_FIXED[ai] || !/^\d+$/.test(value)) {
                return null;
            }
            text = text.slice(2 + GS1_FIXED[ai]);
            if (text.startsWith(GS1_GROUP_SEPARATOR)) {
                text = text.slice(1);
            }
        } else if (GS1_VARIABLE.includes(ai)) {
            const end = text.indexOf(GS1_GROUP_SEPARATOR);
            value = end === -1 ? text.slice(2) : text.slice(2, end);
            text = end === -1 ? "" : text.slice(end + 1);
        } else {
            // An identifier the POS does not read: stop, keep what was read.
            break;
        }
        storeGs1Value(result, ai, value);
    }
    return result.gtin || result.lot || result.serial ? result : null;
}

function storeGs1Value(result, ai, value) {
    value = value.trim();
    if (ai === "01" || ai === "02") {
        result.gtin = value;
    } else if (ai === "10") {
        result.lot = value;
    } else if (ai === "21") {
        result.serial = value;
    } else if (ai === "17" && /^\d{6}$/.test(value)) {
        const day = value.slice(4, 6) === "00" ? "01" : value.slice(4, 6);
        result.expiry = `20${value.slice(0, 2)}-${value.slice(2, 4)}-${day}`;
    }
}

/** The number a GS1 string carries for a product of this tracking. */
export function gs1NumberFor(tracking, parsed) {
    if (!parsed) {
        return "";
    }
    return (tracking === "serial" ? parsed.serial : parsed.lot) || "";
}

/** Does a GTIN-14 match a product barcode (EAN-13, UPC-A or GTIN-14)? */
export function gtinMatches(gtin, barcode) {
    if (!gtin || !barcode) {
        return false;
    }
    const strip = (value) => value.replace(/^0+/, "");
    return strip(gtin) === strip(barcode);
}
