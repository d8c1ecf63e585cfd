import { describe, expect, test } from "@odoo/hoot";
import {
    cleanLotName,
    countMissingLotNumbers,
    gs1NumberFor,
    gtinMatches,
    parseGs1,
} from "@pos_lot_serial/app/utils/lot_serial_rules";

describe.current.tags("desktop");

describe("countMissingLotNumbers", () => {
    test("a serial line needs one distinct serial per unit", () => {
        expect(countMissingLotNumbers("serial", 2, ["SN1"])).toBe(1);
        expect(countMissingLotNumbers("serial", 2, ["SN1", "SN1"])).toBe(1);
        expect(countMissingLotNumbers("serial", 2, ["SN1", "SN2"])).toBe(0);
        expect(countMissingLotNumbers("serial", -3, [" "])).toBe(3);
    });

    test("a lot line needs one lot, whatever its quantity", () => {
        expect(countMissingLotNumbers("lot", 5, [])).toBe(1);
        expect(countMissingLotNumbers("lot", 5, ["L1"])).toBe(0);
    });

    test("untracked or empty lines miss nothing", () => {
        expect(countMissingLotNumbers("none", 4, [])).toBe(0);
        expect(countMissingLotNumbers("serial", 0, [])).toBe(0);
    });
});

describe("cleanLotName", () => {
    test("trims blanks and control whitespace", () => {
        expect(cleanLotName("  SN-1\t")).toBe("SN-1");
        expect(cleanLotName("\n")).toBe("");
        expect(cleanLotName(undefined)).toBe("");
    });
});

describe("parseGs1", () => {
    test("reads the raw form with group separators", () => {
        expect(parseGs1("0104006381333931" + "10LOT-7\x1d" + "17261231")).toEqual({
            gtin: "04006381333931",
            lot: "LOT-7",
            expiry: "2026-12-31",
        });
    });

    test("reads the human-readable form and a symbology prefix", () => {
        expect(parseGs1("(01)04006381333931(21)SN 42")).toEqual({
            gtin: "04006381333931",
            serial: "SN 42",
        });
        expect(parseGs1("]d20104006381333931" + "21ABC")).toEqual({
            gtin: "04006381333931",
            serial: "ABC",
        });
    });

    test("ignores what is not GS1", () => {
        expect(parseGs1("X200-0001")).toBe(null);
        expect(parseGs1("01ABC")).toBe(null);
        expect(parseGs1("")).toBe(null);
    });

    test("serial products take AI 21, lot products AI 10", () => {
        const parsed = parseGs1("0104006381333931" + "10L1\x1d" + "21S1");
        expect(gs1NumberFor("serial", parsed)).toBe("S1");
        expect(gs1NumberFor("lot", parsed)).toBe("L1");
        expect(gs1NumberFor("lot", null)).toBe("");
    });

    test("a GTIN-14 matches the EAN-13 of a product", () => {
        expect(gtinMatches("04006381333931", "4006381333931")).toBe(true);
        expect(gtinMatches("04006381333931", "4006381333948")).toBe(false);
    });
});
