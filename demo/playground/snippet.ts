// Copy-ready code for a config: the script tag with it inline, or the npm import.
export const scriptTagSnippet = (config: Record<string, unknown>) => {
  const lines = [
    '<script type="application/json" id="consentry-config">',
    JSON.stringify(config, null, 2),
    '</script>',
    '<script src="/consentry.js"></script>',
  ]
  if (config.googleConsentMode) {
    // The gtag.js recipe of docs/consent-mode.md: consentry.js first, so its default comes first.
    lines.push(
      '<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>',
      '<script>',
      '  window.dataLayer = window.dataLayer || []',
      '  function gtag() { dataLayer.push(arguments) }',
      "  gtag('js', new Date())",
      "  gtag('config', 'G-XXXX')",
      '</script>',
    )
  }
  return lines.join('\n')
}

export const npmSnippet = (config: Record<string, unknown>) =>
  [
    "import { createConsentry, defineConfig } from 'consentry'",
    '',
    `export const config = defineConfig(${JSON.stringify(config, null, 2)})`,
    '',
    'export const consent = createConsentry(config)',
  ].join('\n')
