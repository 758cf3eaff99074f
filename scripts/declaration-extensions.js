// tsc writes the declarations' relative imports as the sources spell them, without an extension
// ('./core/config'). Bundlers find those; Node's ESM resolution, and TypeScript projects that
// follow it ("moduleResolution": "node16" or "nodenext"), need the file: './core/config.js'.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const root = 'dist/types'
const relativeImport = /(from |import\()(['"])(\.\.?(?:\/[^'"]*)?)\2/g

const withExtension = (file, specifier) => {
  const target = join(dirname(file), specifier)
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier}/index.js`
  throw new Error(`${file}: no declaration file for '${specifier}'`)
}

for (const name of readdirSync(root, { recursive: true })) {
  if (!name.endsWith('.d.ts')) continue
  const file = join(root, name)
  const text = readFileSync(file, 'utf8')
  const rewritten = text.replace(
    relativeImport,
    (_, keyword, quote, specifier) => keyword + quote + withExtension(file, specifier) + quote,
  )
  writeFileSync(file, rewritten)
}
