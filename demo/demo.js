// Wires the demo buttons to the instance the script tag exposes.
const show = () => (document.getElementById('state').textContent = JSON.stringify(window.consentry.getState(), null, 2))
document.addEventListener('demo:tag', (event) => {
  const item = document.createElement('li')
  item.textContent = `${event.detail} tag ran`
  document.getElementById('ran').append(item)
})
addEventListener('consentry:ready', () => {
  const consent = window.consentry
  show()
  consent.on('change', show)
  consent.on('consent', show)
  consent.on('preferences-show', () => alert('The preferences modal arrives with the UI; this demo shows the event.'))
  document.getElementById('accept').onclick = () => consent.acceptAll()
  document.getElementById('reject').onclick = () => consent.rejectAll()
  document.getElementById('analytics').onclick = () => consent.setConsent({ analytics: true, marketing: false, 'click-tracking': false })
  document.getElementById('reset').onclick = () => {
    consent.reset()
    show()
  }
})
