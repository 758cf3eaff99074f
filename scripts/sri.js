// The Subresource Integrity hash of each script-tag file a site serves (the core and the chunks
// it loads), printed at the end of the build and written to dist/sri.json.
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'

const files = readdirSync('dist').filter((name) => name.startsWith('consentry') && name.endsWith('.js'))
const hashes = {}
console.log('\nSubresource Integrity (dist/sri.json):')
for (const name of files.sort()) {
  const digest = createHash('sha384')
    .update(readFileSync(`dist/${name}`))
    .digest('base64')
  hashes[name] = `sha384-${digest}`
  console.log(`  ${name}  integrity="${hashes[name]}"`)
}
writeFileSync('dist/sri.json', `${JSON.stringify(hashes, null, 2)}\n`)
