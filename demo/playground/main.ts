// The playground: a CodeMirror editor with the config's JSON Schema and Consentry's own validator,
// pickers that write into the config, the real banner in a preview frame, and a snippet to copy.
import { linter, type Diagnostic } from '@codemirror/lint'
import { oneDark } from '@codemirror/theme-one-dark'
import { EditorView, basicSetup } from 'codemirror'
import { jsonSchema } from 'codemirror-json-schema'
import { ConsentryError, parseConfig } from 'consentry'
import schema from 'consentry/consentry.schema.json'
import { rangeOfPath } from './path'
import { PRESETS } from './presets'
import { npmSnippet, scriptTagSnippet } from './snippet'

// The bundled languages (docs/i18n.md), each shown by its own name.
const LANGUAGES = (
  'en bg cs da de el es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv ' +
  'nb is ca eu gl tr uk sr bs mk sq ar he ja ko zh zh-Hant hi id vi th pt-BR'
).split(' ')
// The preview's own cookie: its decisions stay out of the demo's other parts.
const PREVIEW_COOKIE = 'consentry-playground'

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const status = element<HTMLParagraphElement>('status')
const preview = element<HTMLIFrameElement>('preview')
const pickers = {
  preset: element<HTMLSelectElement>('preset'),
  layout: element<HTMLSelectElement>('layout'),
  theme: element<HTMLSelectElement>('theme'),
  language: element<HTMLSelectElement>('language'),
  mode: element<HTMLSelectElement>('mode'),
  gpc: element<HTMLInputElement>('gpc'),
}

const page = new URLSearchParams(location.search)
if (page.get('theme')) document.documentElement.dataset.theme = page.get('theme')!
const dark = page.get('theme') ? page.get('theme') == 'dark' : matchMedia('(prefers-color-scheme: dark)').matches
if (dark) document.documentElement.dataset.theme = 'dark'
for (const [name, { label }] of Object.entries(PRESETS)) pickers.preset.add(new Option(label, name))
for (const code of LANGUAGES) {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code)
  pickers.language.add(new Option(`${code} · ${name}`, code))
}

type Checked = { config: Record<string, unknown> } | { error: string; path?: string }

/** The text as JSON, then through Consentry's validator: the config, or what is wrong and where. */
const check = (text: string): Checked => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { error: `JSON: ${(error as Error).message}` }
  }
  try {
    parseConfig(value)
  } catch (error) {
    if (!(error instanceof ConsentryError)) throw error
    // "consentry: <path>: <problem>"
    const detail = error.message.replace(/^consentry: /, '')
    const colon = detail.indexOf(': ')
    return { error: detail, path: detail.slice(0, colon) }
  }
  return { config: value as Record<string, unknown> }
}

const validatorLinter = linter(
  (view): Diagnostic[] => {
    const result = check(view.state.doc.toString())
    if (!('path' in result) || result.path == undefined) return []
    const { from, to } = rangeOfPath(view.state, result.path == 'config' ? '' : result.path)
    return [{ from, to, severity: 'error', source: 'Consentry', message: result.error }]
  },
  { delay: 300 },
)

/** The preview page: consentry.js with the config inline, GPC simulated before it runs. */
const previewPage = (config: Record<string, unknown>, gpc: boolean) => {
  const previewed = { ...config, cookie: { ...(config.cookie as object), name: PREVIEW_COOKIE } }
  const json = JSON.stringify(previewed).replace(/</g, '\\u003c')
  const signal = gpc
    ? `<script>Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })</script>`
    : ''
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${signal}
<script type="application/json" id="consentry-config">${json}</script>
<script src="/dist/consentry.js"></script>
<style>body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem; color: #444; }</style></head>
<body><h1>Your page</h1><p>The banner and the preferences below are the real ones, with this config.</p></body></html>`
}

const clearPreviewDecision = () => {
  document.cookie = `${PREVIEW_COOKIE}=; max-age=0; path=/`
}

let lastGood: Record<string, unknown> | undefined
const show = (config: Record<string, unknown>) => {
  lastGood = config
  clearPreviewDecision()
  preview.srcdoc = previewPage(config, pickers.gpc.checked)
  const ui = (config.ui ?? {}) as Record<string, string>
  pickers.layout.value = ui.layout ?? 'bar'
  pickers.theme.value = ui.theme ?? 'auto'
  pickers.language.value = (config.language as string) ?? 'en'
  pickers.mode.value = (config.mode as string) ?? 'opt-in'
  drawSnippet()
}

const drawSnippet = () => {
  if (!lastGood) return
  const kind = (document.querySelector('input[name="snippet"]:checked') as HTMLInputElement).value
  element('snippet').textContent = kind == 'npm' ? npmSnippet(lastGood) : scriptTagSnippet(lastGood)
}

let pending: ReturnType<typeof setTimeout> | undefined
const update = (text: string) => {
  clearTimeout(pending)
  pending = setTimeout(() => {
    const result = check(text)
    if ('config' in result) {
      status.textContent = 'Valid config: the preview shows it.'
      status.className = ''
      show(result.config)
    } else {
      // The last good preview stays.
      status.textContent = `${result.error} (the preview keeps the last valid config)`
      status.className = 'error'
    }
  }, 250)
}

const editor = new EditorView({
  parent: element('editor'),
  extensions: [
    basicSetup,
    // Readable highlighting on a dark page too.
    dark ? oneDark : [],
    jsonSchema(schema as never),
    validatorLinter,
    EditorView.updateListener.of((change) => {
      if (change.docChanged) update(change.state.doc.toString())
    }),
  ],
})
editor.contentDOM.setAttribute('aria-label', 'Config (JSON)')

const setText = (config: Record<string, unknown>) => {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: JSON.stringify(config, null, 2) } })
}

/** A picker writes into the config in the editor, when it parses. */
const edit = (change: (config: Record<string, any>) => void) => {
  let config: Record<string, any>
  try {
    config = JSON.parse(editor.state.doc.toString())
  } catch {
    status.textContent = 'Fix the JSON first: the pickers write into it.'
    status.className = 'error'
    return
  }
  change(config)
  setText(config)
}

pickers.preset.onchange = () => setText(PRESETS[pickers.preset.value]!.config)
pickers.layout.onchange = () => edit((config) => (config.ui = { ...config.ui, layout: pickers.layout.value }))
pickers.theme.onchange = () => edit((config) => (config.ui = { ...config.ui, theme: pickers.theme.value }))
pickers.language.onchange = () => edit((config) => (config.language = pickers.language.value))
pickers.mode.onchange = () => edit((config) => (config.mode = pickers.mode.value))
pickers.gpc.onchange = () => {
  if (lastGood) show(lastGood)
}
for (const radio of document.querySelectorAll('input[name="snippet"]')) radio.addEventListener('change', drawSnippet)

type PreviewWindow = Window & { consentry?: { showPreferences(): void } }
element('show-preferences').onclick = () => (preview.contentWindow as PreviewWindow).consentry?.showPreferences()
element('reset').onclick = () => {
  if (lastGood) show(lastGood)
}
element('copy').onclick = async () => {
  const copied = element('copied')
  try {
    await navigator.clipboard.writeText(element('snippet').textContent ?? '')
    copied.textContent = 'Copied.'
  } catch {
    copied.textContent = 'The browser refused the clipboard: select the snippet and copy it.'
  }
}

setText(PRESETS.ga4!.config)
pickers.preset.value = 'ga4'
