// ESLint flat config used by `npm run lint` (office-addin-lint check picks up ./eslint.config.mjs).
// Base: eslint-plugin-office-addins' React config (eslint recommended, typescript-eslint, the
// Office.js rules such as load-before-read and sync-before-read, eslint-plugin-react), with:
//  - .tsx/.jsx files linted too (the plugin's own config only matches .js/.ts);
//  - no-undef off for TypeScript, which checks names itself (and knows Office, Excel, Node globals);
//  - prettier/prettier off: the project does not use prettier's layout, and lint should report problems, not style;
//  - the Office.js proxy-object rules off where the code reads workbooks with exceljs, not Office.js.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const CODE = "**/*.{js,mjs,cjs,ts,cts,mts}";
const CODE_AND_JSX = "**/*.{js,mjs,cjs,jsx,ts,cts,mts,tsx}";

const base = officeAddins.configs.react.map((c) =>
  Array.isArray(c.files) && c.files.includes(CODE) ? { ...c, files: c.files.map((f) => (f === CODE ? CODE_AND_JSX : f)) } : c
);

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**"] },
  ...base,
  {
    files: [CODE_AND_JSX],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "prettier/prettier": "off",
    },
  },
  {
    files: ["**/*.{ts,tsx,cts,mts}"],
    rules: {
      "no-undef": "off",
      // React 17+ JSX transform (tsconfig "jsx": "react-jsx"): React need not be in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
    },
  },
  {
    // exceljs (files, Node, the browser's standalone mode), not Office.js proxies: no load()/sync() exists there.
    files: ["src/xlsx/**", "src/samples/**", "src/cli/**", "src/plans/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
];
