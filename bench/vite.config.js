// Builds the c15t peer once for the benchmark: React, c15t's React UI and its styles, minified,
// into bench/dist/ (c15t.js and c15t.css).
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

export default defineConfig({
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: fileURLToPath(new URL('dist', import.meta.url)),
    emptyOutDir: true,
    lib: {
      entry: fileURLToPath(new URL('c15t/entry.js', import.meta.url)),
      formats: ['iife'],
      name: 'c15tBench',
      fileName: () => 'c15t.js',
      cssFileName: 'c15t',
    },
    rolldownOptions: { output: { minify: true } },
  },
})
