// Shared by the stand-ins: each tells the page it ran, and what consent it found.
window.demoReport = (name, found) => {
  document.dispatchEvent(new CustomEvent('demo:tag', { detail: { name, found, at: Math.round(performance.now()) } }))
}
