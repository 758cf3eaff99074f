// npm run build:demo: the demo's built parts (CRM frontend, playground) into dist-demo/, from
// demo/vite.config.ts. Needs npm run build first: the parts import the package's built files.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const pages = ['crm', 'playground'].filter((part) => existsSync(`demo/${part}/index.html`))
if (pages.length == 0) {
  console.log('build:demo: no built parts yet')
  process.exit(0)
}
const { status } = spawnSync('npx', ['vite', 'build', '--config', 'demo/vite.config.ts'], {
  stdio: 'inherit',
  shell: process.platform == 'win32',
})
process.exit(status ?? 1)
