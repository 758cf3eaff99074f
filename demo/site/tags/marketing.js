// Stand-in for a real marketing tag: it only reports that it ran.
document.dispatchEvent(new CustomEvent('demo:tag', { detail: 'marketing' }))
