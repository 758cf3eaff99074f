// Stand-in for Microsoft UET (bat.js), gated on marketing.uet: it reads the consent in its queue.
const consent = Array.from(window.uetq || []).filter((item) => item == 'consent' || (item && typeof item == 'object'))
window.demoReport('Microsoft UET', JSON.stringify(consent))
