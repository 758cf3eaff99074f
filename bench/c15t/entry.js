// c15t with its React UI, as a React site ships it: built once into bench/dist/c15t.js by
// bench/vite.config.js (npm run bench builds it). Offline mode: consent in the browser, no backend.
import { ConsentBanner, ConsentDialog, ConsentManagerProvider } from '@c15t/react'
import '@c15t/react/styles.css'
import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'

const options = {
  mode: 'offline',
  consentCategories: ['necessary', 'measurement'],
  scripts: [{ id: 'analytics', src: '/bench/analytics.js', category: 'measurement' }],
}
const root = document.createElement('div')
document.body.append(root)
createRoot(root).render(h(ConsentManagerProvider, { options }, h(ConsentBanner), h(ConsentDialog)))
