// ESLint flat config for the JavaScript of pos_lot_serial (Odoo 19 ES modules).
import js from "@eslint/js";
import globals from "globals";

export default [
    js.configs.recommended,
    {
        files: ["pos_lot_serial/static/**/*.js"],
        languageOptions: {
            ecmaVersion: 2024,
            sourceType: "module",
            globals: { ...globals.browser, odoo: "readonly", luxon: "readonly" },
        },
        rules: {
            "no-unused-vars": ["error", { args: "none" }],
            "prefer-const": "error",
            "no-var": "error",
            eqeqeq: ["error", "smart"],
        },
    },
];
