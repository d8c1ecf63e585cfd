import { ProductScreen } from "@point_of_sale/app/screens/product_screen/product_screen";
import { patch } from "@web/core/utils/patch";
import { gs1NumberFor, parseGs1 } from "@pos_lot_serial/app/utils/lot_serial_rules";

patch(ProductScreen.prototype, {
    /**
     * A scanned code that is no product barcode may be a lot/serial number, or
     * a GS1 string carrying a GTIN and a number: add that product with it.
     */
    async _barcodeProductAction(code) {
        const scanned = code.code || code.base_code;
        if (!scanned || (await this._getProductByBarcode(code))) {
            return super._barcodeProductAction(...arguments);
        }
        const match =
            (await this._findProductByGs1(scanned)) ||
            (await this.pos.findProductByLotSerial(scanned));
        if (!match) {
            return super._barcodeProductAction(...arguments);
        }
        const { product, number } = match;
        await this.pos.addLineToCurrentOrder(
            { product_id: product, product_tmpl_id: product.product_tmpl_id },
            number ? { code: { type: "lot", code: number } } : {},
            product.needToConfigure(),
        );
        this.numberBuffer.reset();
    },

    async _findProductByGs1(scanned) {
        const parsed = parseGs1(scanned);
        if (!parsed?.gtin) {
            return null;
        }
        const product = await this._getProductByBarcode({
            base_code: parsed.gtin.replace(/^0(?=\d{13}$)/, ""),
            code: parsed.gtin,
        });
        if (!product) {
            return null;
        }
        return { product, number: gs1NumberFor(product.tracking, parsed) };
    },
});
