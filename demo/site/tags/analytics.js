// Stand-in for a real analytics tag: it only reports that it ran.
document.dispatchEvent(new CustomEvent('demo:tag', { detail: 'analytics' }))
