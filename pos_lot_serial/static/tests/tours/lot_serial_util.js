import * as PaymentScreen from "@point_of_sale/../tests/pos/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/pos/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/pos/tours/utils/receipt_screen_util";

/**
 * Tour steps for the pos_lot_serial pop-up and list button.
 */

const POPUP = ".modal .o_lot_serial_popup";

/** Type a number into the given row of the pop-up (default: the focused one). */
export function typeNumber(number, index = null) {
    const steps = [{ content: "the lot/serial pop-up is open", trigger: POPUP }];
    if (index !== null) {
        steps.push({
            content: `go to row ${index + 1}`,
            trigger: `${POPUP} input.o_lot_serial_name[data-index="${index}"]`,
            run: "click",
        });
    }
    steps.push({
        content: `type '${number}' in the pop-up`,
        trigger: `${POPUP} input.o_lot_serial_name${
            index === null ? "" : `[data-index="${index}"]`
        }:focus`,
        run: `edit ${number}`,
    });
    return steps;
}

/** Press a key in the focused number input. */
export function pressKey(key) {
    return [
        {
            content: `press ${key} in the pop-up`,
            trigger: `${POPUP} input.o_lot_serial_name:focus`,
            run: `press ${key}`,
        },
    ];
}

/** Type a number and validate it with Enter: the next row gets the focus. */
export function enterNumber(number) {
    return [
        ...typeNumber(number),
        ...pressKey("Enter"),
        {
            content: `'${number}' was accepted`,
            trigger: `${POPUP} input.o_lot_serial_name:value("${number}")`,
        },
    ];
}

export function enterNumbers(numbers) {
    return numbers.flatMap((number) => enterNumber(number));
}

/** Set the quantity of a lot row. */
export function setLotQuantity(index, quantity) {
    return [
        {
            content: `set quantity ${quantity} on lot row ${index + 1}`,
            trigger: `${POPUP} .o_lot_serial_row:nth-child(${index + 1}) input.o_lot_serial_qty`,
            run: `edit ${quantity}`,
        },
    ];
}

export function rowMessageContains(text) {
    return [
        {
            content: `the pop-up says '${text}'`,
            trigger: `${POPUP} .o_lot_serial_message:contains("${text}")`,
        },
    ];
}

export function suggestionIsShown(name) {
    return [
        {
            content: `'${name}' is suggested`,
            trigger: `${POPUP} .o_lot_serial_suggestion_name:contains("${name}")`,
        },
    ];
}

export function confirm() {
    return [
        {
            content: "confirm the pop-up",
            trigger: `${POPUP.replace(" .o_lot_serial_popup", "")} .o_lot_serial_confirm`,
            run: "click",
        },
        {
            content: "the pop-up is closed",
            trigger: `body:not(:has(${POPUP}))`,
        },
    ];
}

export function discard() {
    return [
        {
            content: "discard the pop-up",
            trigger: ".modal .o_lot_serial_discard",
            run: "click",
        },
        {
            content: "the pop-up is closed",
            trigger: `body:not(:has(${POPUP}))`,
        },
    ];
}

/** The list button of the line of ``productName`` shows ``missing`` numbers missing. */
export function lineMissing(productName, missing) {
    const state = missing
        ? `.o_lot_missing[data-missing="${missing}"]`
        : ".o_lot_complete";
    return [
        {
            content: `${productName}: ${missing ? `${missing} missing` : "complete"}`,
            trigger: `.order-container .orderline:has(.product-name:contains("${productName}")) ${state}`,
        },
    ];
}

export function clickListButton(productName) {
    return [
        {
            content: `open the numbers of ${productName}`,
            trigger: `.order-container .orderline:has(.product-name:contains("${productName}")) .o_lot_list_button`,
            run: "click",
        },
    ];
}

export function lineHasNumber(productName, number) {
    return [
        {
            content: `${productName} shows ${number}`,
            trigger: `.order-container .orderline:has(.product-name:contains("${productName}")) .lot-number:contains("${number}")`,
        },
    ];
}

/** Ask the Python test to save a screenshot of the page as ``<name>.png``. */
export function screenshot(name) {
    return [
        {
            content: `screenshot ${name}`,
            trigger: "body",
            run: () => console.log(`pos_lot_serial:screenshot:${name}`),
        },
        {
            content: "let the screenshot be taken",
            trigger: "body",
            run: () => new Promise((resolve) => setTimeout(resolve, 1000)),
        },
    ];
}

/** The receipt prints ``text`` among the numbers of its lines. */
export function receiptNumbersContain(text) {
    return [
        {
            content: `the receipt prints '${text}'`,
            trigger: `.receipt-screen li.lot-number:contains("${text}")`,
        },
    ];
}

/** Pay the current order in cash and wait for the receipt. */
export function payInCash() {
    return [
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Cash"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.isShown(),
    ].flat();
}
