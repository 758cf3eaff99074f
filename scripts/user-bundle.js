// npm run size, first step: build scripts/user-bundle/app.js with Vite, minified, into
// dist-size/, so that size-limit weighs what npm users ship (the package through their bundler,
// Preact, nanostores and js-cookie included), chunk by chunk as a browser fetches them.
import { build } from 'vite'

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    target: 'es2020',
    outDir: 'dist-size',
    emptyOutDir: true,
    minify: true,
    modulePreload: false,
    rolldownOptions: {
      input: { app: 'scripts/user-bundle/app.js' },
      // Chunks named after the package's own files (mount-<hash>, preferences-<hash>, …), without a hash of their own.
      output: { entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    },
  },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
})
