// Lint guards the architecture: a wrong import between layers fails `npm run lint`.
import officeAddins from "eslint-plugin-office-addins";
import importPlugin from "eslint-plugin-import";
import tsParser from "@typescript-eslint/parser";

const layers = {
  domain: "./src/domain",
  excel: "./src/excel",
  actions: "./src/actions",
  taskpane: "./src/taskpane",
  commands: "./src/commands",
  preview: "./src/preview",
};

const officeCallSelectors = [
  {
    selector: "MemberExpression[object.name='Excel'][property.name='run']",
    message: "Only src/excel may call Excel.run.",
  },
  {
    selector: "CallExpression[callee.property.name='sync'][callee.object.name='context']",
    message: "Only src/excel may call context.sync().",
  },
];

// eslint-plugin-office-addins brings its own typescript-eslint; reuse that instance (two would clash)
// and extend its TypeScript block to .tsx files, which its recommended config leaves out.
const officeTsBlock = officeAddins.configs.recommended.find((block) => block.plugins?.["office-addins"]);
const tsPlugin = officeTsBlock.plugins["@typescript-eslint"];
const tsRecommendedRules = {
  ...tsPlugin.configs["eslint-recommended"].overrides[0].rules,
  ...tsPlugin.configs.recommended.rules,
  // The bundled typescript-eslint 8.8 wrapper of this rule crashes on ESLint 9.3x; the core rule does the job.
  "@typescript-eslint/no-unused-expressions": "off",
  "no-unused-expressions": "error",
};

/** Which layer may import which; tests beside the code may also use the in-memory Excel in src/preview. */
function layerZones({ testsMayUsePreview }) {
  const withPreview = (froms) => (testsMayUsePreview ? froms.filter((f) => f !== layers.preview) : froms);
  return [
    {
      target: layers.domain,
      from: withPreview([layers.excel, layers.actions, layers.taskpane, layers.commands, layers.preview]),
      message: "src/domain is pure: it imports no Office, UI or preview code.",
    },
    {
      target: layers.excel,
      from: withPreview([layers.actions, layers.taskpane, layers.commands, layers.preview]),
      message: "src/excel sits below actions and UI; it may import only src/domain.",
    },
    {
      target: layers.actions,
      from: withPreview([layers.taskpane, layers.commands, layers.preview]),
      message: "Actions are dispatched by the pane and the ribbon, not the other way round.",
    },
    {
      target: layers.taskpane,
      from: withPreview([layers.excel, layers.commands, layers.preview]),
      message: "The task pane talks to Excel only through src/actions.",
    },
    {
      target: layers.commands,
      from: withPreview([layers.excel, layers.taskpane, layers.preview]),
      message: "Ribbon commands talk to Excel only through src/actions.",
    },
  ];
}

export default [
  {
    ignores: ["dist/**", "dist-preview/**", "node_modules/**", "coverage/**", "test-results/**", "assets/**"],
  },
  ...officeAddins.configs.react,
  { ...officeTsBlock, files: ["**/*.tsx"] },
  {
    // The plugin's config names its parser through a default import that resolves to undefined.
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: { parser: tsParser },
    rules: tsRecommendedRules,
  },
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { import: importPlugin },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        console: "readonly",
        process: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        window: "readonly",
        document: "readonly",
        Office: "readonly",
        Excel: "readonly",
      },
    },
    settings: {
      react: { version: "18.3" },
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".mjs"] } },
    },
    rules: {
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-restricted-paths": ["error", { zones: layerZones({ testsMayUsePreview: false }) }],
    },
  },
  {
    files: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    rules: { "import/no-restricted-paths": ["error", { zones: layerZones({ testsMayUsePreview: true }) }] },
  },
  {
    // Office calls live in src/excel only.
    files: ["src/domain/**", "src/actions/**", "src/taskpane/**", "src/commands/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-syntax": ["error", ...officeCallSelectors] },
  },
  {
    // The domain knows nothing of Office, not even its types.
    files: ["src/domain/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...officeCallSelectors,
        {
          selector: "TSQualifiedName[left.name=/^(Excel|Office|OfficeExtension)$/]",
          message: "No Office types in src/domain.",
        },
        {
          selector: "Identifier[name=/^(Excel|Office|OfficeExtension)$/]",
          message: "No Office globals in src/domain.",
        },
      ],
    },
  },
  {
    // The in-memory Excel implements the API rather than calling it, and tests drive it.
    files: ["src/preview/**", "test/**", "bench/**", "scripts/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  {
    files: ["**/*.cjs", "webpack.config.js", "jest.config.js", "jest.e2e.config.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", __dirname: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
