import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["build/**", "public/build/**", "node_modules/**", ".cache/**", "test-results/**", "playwright-report/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
    },
  },
  {
    // Routes never write SQL and never reach the database but through models (STYLE.md).
    files: ["app/routes/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/client.server", "**/db/schema", "drizzle-orm", "drizzle-orm/*", "better-sqlite3"],
              message: "Go through a model in app/models.",
            },
          ],
          // A state change writes its audit entry and its notifications in its own transaction, in
          // its model (app/models/transition.server.ts): never from a route.
          paths: [
            {
              name: "~/models/audit.server",
              importNames: ["recordAudit"],
              message: "The model of the change writes its audit entry, in its transaction.",
            },
            {
              name: "~/models/notifications.server",
              importNames: ["notify", "notifyNeedWatchers"],
              message: "The model of the change notifies, in its transaction.",
            },
            {
              name: "~/models/flags.server",
              importNames: ["reevaluate", "sweep"],
              message: "The model of the change asks the flag engine to re-evaluate, after its commit.",
            },
          ],
        },
      ],
    },
  },
  {
    // lib/ is pure: no I/O.
    files: ["app/lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/db/*",
                "node:fs",
                "node:net",
                "drizzle-orm",
                "better-sqlite3",
                "~/models/*",
                "~/utils/*.server",
              ],
              message: "app/lib is pure logic without I/O.",
            },
          ],
        },
      ],
    },
  },
);
