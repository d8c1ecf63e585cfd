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

const SALE_PROMPT = ".modal .o_sale_order_lot_popup";

/** Open the Quotation/Order list, pick ``orderName`` and settle it. */
export function settleSaleOrder(orderName) {
    return [
        ...ProductScreen.clickControlButton("Quotation/Order"),
        {
            content: `select ${orderName}`,
            trigger: `.modal:not(.o_inactive_modal) tr.o_data_row:contains("${orderName}") td`,
            run: "click",
        },
        {
            content: "settle the order",
            trigger: `.modal:not(.o_inactive_modal) .selection-item:contains("Settle the order")`,
            run: "click",
        },
    ];
}

/** The sales-order prompt lists ``number`` for ``productName`` with ``quantity``. */
export function salePromptLists(productName, number, quantity) {
    return [
        {
            content: `the prompt offers ${number} (${quantity}) for ${productName}`,
            trigger: `${SALE_PROMPT} tr.o_sale_order_lot_row:contains("${productName}"):has(.o_sale_order_lot_name:contains("${number}")):has(td:contains("${quantity}"))`,
        },
    ];
}

/** Answer the sales-order prompt: load the numbers or not. */
export function answerSalePrompt(load) {
    const button = load ? ".o_sale_order_lot_load" : ".o_sale_order_lot_skip";
    return [
        {
            content: load ? "load the numbers" : "go on without numbers",
            trigger: `.modal:has(.o_sale_order_lot_popup) ${button}`,
            run: "click",
        },
        {
            content: "the prompt is closed",
            trigger: `body:not(:has(${SALE_PROMPT}))`,
        },
    ];
}

/** No dialog is open any more (and the sales-order prompt never showed). */
export function noDialogOpen() {
    return [{ content: "no dialog is open", trigger: "body:not(:has(.modal))" }];
}

/** The cart has a line of ``productName`` for ``quantity`` carrying ``number``. */
export function cartLineHasNumber(productName, quantity, number) {
    return [
        {
            content: `${productName} x${quantity} carries ${number}`,
            trigger: `.order-container .orderline:has(.product-name:contains("${productName}")):has(.qty:contains("${quantity}")):has(.lot-number:contains("${number}"))`,
        },
    ];
}

/** The cart has a line of ``productName`` for ``quantity`` without any number. */
export function cartLineWithoutNumber(productName, quantity) {
    return [
        {
            content: `${productName} x${quantity} has no number (red)`,
            trigger: `.order-container .orderline:has(.product-name:contains("${productName}")):has(.qty:contains("${quantity}")):not(:has(.lot-number)) .o_lot_missing`,
        },
    ];
}

/** The open pop-up has ``count`` rows holding a number. */
export function popupFilledRows(count) {
    return [
        {
            content: `the pop-up holds ${count} numbers`,
            trigger: `${POPUP} input.o_lot_serial_name`,
            run: () => {
                const filled = [
                    ...document.querySelectorAll(`${POPUP} input.o_lot_serial_name`),
                ].filter((input) => input.value);
                if (filled.length !== count) {
                    throw new Error(
                        `${filled.length} numbers in the pop-up, not ${count}`,
                    );
                }
            },
        },
    ];
}

/** The sales-order prompt lists ``count`` numbers for ``productName``. */
export function salePromptRowCount(productName, count) {
    return [
        {
            content: `the prompt lists ${count} numbers for ${productName}`,
            trigger: `${SALE_PROMPT} tr.o_sale_order_lot_row:contains("${productName}"):eq(${count - 1})`,
        },
        {
            content: `and not more than ${count}`,
            trigger: `${SALE_PROMPT}:not(:has(tr.o_sale_order_lot_row:contains("${productName}"):eq(${count})))`,
        },
    ];
}
