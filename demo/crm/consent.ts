// The CRM frontend's one Consentry instance, created once for the whole single-page app.
import { createConsentry, defineConfig } from 'consentry'

const config = defineConfig({
  revision: 1,
  // Its own cookie: the marketing site's config has other services, and a decision counts only
  // for the list it was made over.
  cookie: { name: 'consentry-crm', path: '/crm' },
  policyUrl: '/site/privacy.html',
  categories: {
    essential: { required: true, title: 'Essential' },
    analytics: { title: 'Product analytics', services: { usage: { title: 'Usage analytics (stand-in)' } } },
    marketing: { title: 'Marketing' },
  },
})

export const consent = createConsentry(config)

// How many instances and analytics loads this page has seen: the tests read them, and a
// client-side route change must add none.
const counters = window as unknown as { crmInstances?: number }
counters.crmInstances = (counters.crmInstances ?? 0) + 1
