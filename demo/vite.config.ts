// The demo's built parts: the CRM frontend and the playground, each a page of its own, built from
// demo/ into dist-demo/. They import `consentry` and `consentry/ui` as a package user does, from the
// package's built files (npm run build first).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const demo = fileURLToPath(new URL('.', import.meta.url))
const root = fileURLToPath(new URL('..', import.meta.url))
const pages = ['crm', 'playground'].filter((part) => existsSync(`${demo}${part}/index.html`))

export default defineConfig({
  root: demo,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: [
      { find: /^consentry$/, replacement: `${root}dist/npm/index.js` },
      { find: /^consentry\/ui$/, replacement: `${root}dist/npm/ui.js` },
      { find: /^consentry\/consentry\.schema\.json$/, replacement: `${root}consentry.schema.json` },
    ],
  },
  build: {
    outDir: `${root}dist-demo`,
    emptyOutDir: true,
    rolldownOptions: { input: Object.fromEntries(pages.map((part) => [part, `${demo}${part}/index.html`])) },
  },
})
