// Stand-in for a real fullstory tag: it only reports that it ran.
document.dispatchEvent(new CustomEvent('demo:tag', { detail: 'fullstory' }))
