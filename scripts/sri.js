// The Subresource Integrity hash of each script-tag file a site serves (the core and the chunks
// it loads), printed at the end of the build and written to dist/sri.json; dist/chunks.json, the
// content-hashed file of each chunk by its stable name (consentry-ui → consentry-ui.<hash>.js);
// and dist/snippet.html, the tags a page includes, with this build's UI chunk named in the hint.
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'

const files = readdirSync('dist').filter((name) => name.startsWith('consentry') && name.endsWith('.js'))
const hashes = {}
const chunks = {}
console.log('\nSubresource Integrity (dist/sri.json):')
for (const name of files.sort()) {
  const digest = createHash('sha384')
    .update(readFileSync(`dist/${name}`))
    .digest('base64')
  hashes[name] = `sha384-${digest}`
  const hashed = /^(.+)\.[\w-]{8}\.js$/.exec(name)
  if (hashed) chunks[hashed[1]] = name
  console.log(`  ${name}  integrity="${hashes[name]}"`)
}
writeFileSync('dist/sri.json', `${JSON.stringify(hashes, null, 2)}\n`)
writeFileSync('dist/chunks.json', `${JSON.stringify(chunks, null, 2)}\n`)

const snippet = `<!-- Consentry ${JSON.parse(readFileSync('package.json', 'utf8')).version}: in <head>, before any gated markup. Put the path
     you serve dist/ from in front of both names; the hint lets a first visit fetch the UI chunk
     beside the core (docs/script-tag.md#the-tags). -->
<link rel="modulepreload" href="${chunks['consentry-ui']}">
<script src="consentry.js"></script>
`
writeFileSync('dist/snippet.html', snippet)
console.log(`\nThe tags of a page (dist/snippet.html):\n${snippet}`)
