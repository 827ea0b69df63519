// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** HTML sinks: page and dataset text is rendered as text, never parsed as HTML. */
const HTML_SINKS = [
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No HTML sinks: render text with textContent or Preact children.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]',
    message: 'No HTML sinks: build nodes with createElement/textContent.',
  },
  {
    selector: 'CallExpression[callee.object.name="document"][callee.property.name=/^write(ln)?$/]',
    message: 'No document.write.',
  },
  { selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]', message: 'No dangerouslySetInnerHTML.' },
  { selector: 'Property[key.name="dangerouslySetInnerHTML"]', message: 'No dangerouslySetInnerHTML.' },
];

/** The extension makes no network requests at run time: the dataset is bundled. */
const NETWORK = [
  {
    selector: 'CallExpression[callee.name="fetch"]',
    message: 'No network at run time: import bundled data.',
  },
  {
    selector: 'NewExpression[callee.name=/^(XMLHttpRequest|WebSocket|EventSource)$/]',
    message: 'No network at run time.',
  },
  { selector: 'CallExpression[callee.property.name="sendBeacon"]', message: 'No network at run time.' },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'coverage/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, chrome: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...HTML_SINKS],
    },
  },
  {
    files: ['entrypoints/**', 'components/**', 'utils/**'],
    rules: {
      'no-restricted-syntax': ['error', ...HTML_SINKS, ...NETWORK],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
);
