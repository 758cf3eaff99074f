// Stand-in for gtag.js, loaded ungated right after consentry.js (Consent Mode's advanced set-up):
// like Google's tag, it reads the consent commands already in the dataLayer.
const consentCommands = Array.from(window.dataLayer || [])
  .map((entry) => Array.from(entry))
  .filter((command) => command[0] == 'consent')
window.demoReport(
  'gtag.js (ungated, Consent Mode)',
  consentCommands.map((command) => command[1]).join(', ') || 'no consent command',
)
