// The live panel: tags that ran (each stand-in reports), Consent Mode's commands in the dataLayer,
// the requests the demo server saw for a tag, and the state; and the buttons.
const list = (id, lines) => {
  const element = document.getElementById(id)
  element.replaceChildren(
    ...lines.map((line) => {
      const item = document.createElement('li')
      item.textContent = line
      return item
    }),
  )
}
const showTags = () =>
  list(
    'ran',
    window.demoTags.map(({ name, at, found }) => `${name} at ${at} ms: ${found}`),
  )
// Tags that ran before this script, then each one after.
showTags()
document.addEventListener('demo:tag', showTags)
const consentModeLines = () =>
  Array.from(window.dataLayer || [])
    .map((entry) => Array.from(entry))
    .filter((command) => command[0] == 'consent')
    .map(([, kind, signals]) => {
      const granted = Object.keys(signals).filter((signal) => signals[signal] == 'granted')
      return `${kind}: ${granted.length ? `${granted.join(', ')} granted` : 'all denied'}`
    })
const refresh = async () => {
  list('consent-mode', consentModeLines())
  try {
    const seen = await (await fetch('/site/api/requests')).json()
    list(
      'requests',
      seen.map(({ path }) => path),
    )
  } catch {
    // The demo server stopped; the panel keeps what it had.
  }
}
setInterval(refresh, 500)
refresh()

const show = () => (document.getElementById('state').textContent = JSON.stringify(window.consentry.getState(), null, 2))
// A returning visitor's instance starts synchronously; a first visit's once the config is validated.
const whenStarted = (fn) =>
  window.consentry ? fn(window.consentry) : addEventListener('consentry:ready', () => fn(window.consentry))

whenStarted((consent) => {
  show()
  consent.on('change', show)
  consent.on('consent', show)
  document.getElementById('accept').onclick = () => consent.acceptAll()
  document.getElementById('reject').onclick = () => consent.rejectAll()
  document.getElementById('analytics').onclick = () =>
    consent.setConsent({ analytics: true, marketing: false, 'click-tracking': false })
  document.getElementById('reset').onclick = async () => {
    consent.reset()
    await fetch('/site/api/requests', { method: 'DELETE' })
    location.reload()
  }
})
