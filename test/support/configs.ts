import type { ConsentryConfig } from '../../src/core/types'

/** The config the tests and the demo share: the four default categories with real-world services. */
export const siteConfig = {
  revision: 1,
  categories: {
    essential: { required: true, title: 'Essential' },
    analytics: {
      title: { en: 'Analytics', de: 'Statistik' },
      services: {
        ga: {
          title: 'Google Analytics',
          cookies: ['_gid', { name: '/^_ga(_.*)?$/', purpose: 'Visitor id', duration: '2 years' }],
        },
        fullstory: { title: 'FullStory', cookies: ['fs_uid'] },
      },
    },
    marketing: { services: { ads: { cookies: ['_gcl_au'] }, bing: { cookies: ['/^_uet/'] } } },
    'click-tracking': {},
  },
} satisfies ConsentryConfig

/** Consent Mode's signals before a decision under the site config: all denied but the essential ones. */
export const deniedSignals = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'granted',
  personalization_storage: 'granted',
  security_storage: 'granted',
}
