// ESLint: Next.js's rules (core web vitals, React, hooks, accessibility) and typescript-eslint's
// recommended rules, over everything we write. Formatting is Prettier's job (npm run lint runs both).
import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

// A public path written out by hand (`'/news'`, `` `/partners/${slug}` ``, `"/feed.xml"`). Every
// public URL is built by src/urls.ts instead, so that moving one is a one-line change. (esquery
// regexes cannot hold a slash, hence \x2F.)
const PUBLIC_PATH =
  '/^\\x2F(news|partners|topics|milestones|events|search|feed\\.xml|atom\\.xml|feed\\.json|sitemap\\.xml|admin|preview)(\\x2F|\\?|#|\\.|$)/'
const PUBLIC_PATH_MESSAGE = 'Build public URLs with `paths` / `absoluteUrl` from src/urls.ts, not by hand.'

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [
            { pattern: '@/**', group: 'internal' },
            { pattern: '@payload-config', group: 'internal' },
          ],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'collections/**/*.ts', 'payload.config.ts'],
    ignores: ['src/urls.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=${PUBLIC_PATH}]`, message: PUBLIC_PATH_MESSAGE },
        {
          selector: `TemplateLiteral > TemplateElement:first-child[value.raw=${PUBLIC_PATH}]`,
          message: PUBLIC_PATH_MESSAGE,
        },
      ],
    },
  },
  {
    // Payload generates these route files; they stay as it writes them.
    files: ['src/app/(payload)/**'],
    rules: { 'import/order': 'off' },
  },
  {
    // Tests read JSON answers loosely; the assertions say what each must hold.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'data/**',
    'media/**',
    'backups/**',
    'src/payload-types.ts',
    'src/app/(payload)/admin/importMap.js',
    'src/migrations/**',
    'next-env.d.ts',
  ]),
])
