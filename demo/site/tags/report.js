// Shared by the stand-ins: each tells the page it ran, and what consent it found. Kept in a list
// as well, since an async tag may run before the page's panel listens.
window.demoTags = []
window.demoReport = (name, found) => {
  const detail = { name, found, at: Math.round(performance.now()) }
  window.demoTags.push(detail)
  document.dispatchEvent(new CustomEvent('demo:tag', { detail }))
}
