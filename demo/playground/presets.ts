// The configs the playground starts from.
export const PRESETS: Record<string, { label: string; config: Record<string, unknown> }> = {
  minimal: {
    label: 'Minimal',
    config: {
      revision: 1,
      categories: { essential: { required: true }, analytics: {} },
    },
  },
  ga4: {
    label: 'GA4 with Consent Mode',
    config: {
      revision: 1,
      policyUrl: '/privacy',
      googleConsentMode: true,
      categories: {
        essential: { required: true },
        analytics: {
          services: {
            ga: {
              title: 'Google Analytics 4',
              cookies: [
                { name: '_ga', purpose: 'Tells visits apart', duration: '2 years' },
                { name: '_ga_*', match: '/^_ga_/', purpose: "Keeps the session's state", duration: '2 years' },
              ],
            },
          },
        },
        marketing: {
          services: {
            ads: {
              title: 'Google Ads',
              cookies: [{ name: '_gcl_au', purpose: 'Measures ad clicks', duration: '90 days' }],
            },
          },
        },
      },
    },
  },
  crm: {
    label: 'A CRM marketing site, every feature',
    config: {
      revision: 1,
      policyUrl: '/privacy',
      ui: { layout: 'bar', theme: 'auto', settingsButton: true },
      googleConsentMode: true,
      crossTab: true,
      regions: { 'US-CA': 'opt-out' },
      categories: {
        essential: { required: true },
        analytics: {
          services: {
            ga: {
              title: 'Google Analytics',
              cookies: [{ name: '_ga_*', match: '/^_ga/', purpose: 'Counts visits', duration: '2 years' }],
            },
            fullstory: {
              title: 'FullStory',
              vendor: 'fullstory',
              cookies: [{ name: 'fs_uid', purpose: 'Replays the session', duration: '1 year' }],
            },
          },
        },
        marketing: {
          services: {
            uet: {
              title: 'Microsoft Advertising',
              vendor: 'microsoft-uet',
              cookies: [{ name: '_uet*', match: '/^_uet/', purpose: 'Measures conversions', duration: '13 months' }],
            },
            youtube: { title: 'YouTube', description: 'Product videos.' },
          },
        },
        'click-tracking': {},
      },
      receipts: { endpoint: '/consent/receipts', subjectParam: 'ctk' },
    },
  },
}
