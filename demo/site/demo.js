// Wires the demo buttons to the instance the script tag exposes.
const show = () => (document.getElementById('state').textContent = JSON.stringify(window.consentry.getState(), null, 2))
document.addEventListener('demo:tag', (event) => {
  const item = document.createElement('li')
  item.textContent = `${event.detail} tag ran`
  document.getElementById('ran').append(item)
})
// A returning visitor's instance starts synchronously; a first visit's once the config is validated.
const whenStarted = (fn) => (window.consentry ? fn(window.consentry) : addEventListener('consentry:ready', () => fn(window.consentry)))

whenStarted((consent) => {
  show()
  consent.on('change', show)
  consent.on('consent', show)
  document.getElementById('accept').onclick = () => consent.acceptAll()
  document.getElementById('reject').onclick = () => consent.rejectAll()
  document.getElementById('analytics').onclick = () => consent.setConsent({ analytics: true, marketing: false, 'click-tracking': false })
  document.getElementById('reset').onclick = () => {
    consent.reset()
    show()
  }
})
