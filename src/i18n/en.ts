/** The built-in English texts; every other language overrides some or all of them. */
export const en = {
  title: 'We value your privacy',
  text: 'We use cookies to run this site. With your consent we also use them to understand how the site is used and to personalise ads. You can change your choice at any time. Read our {policy}.',
  policy: 'cookie policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  manage: 'Manage preferences',
  preferencesTitle: 'Privacy preferences',
  preferencesText: 'Choose which cookies we may use. Essential cookies are always on because the site needs them.',
  save: 'Save preferences',
  close: 'Close',
  alwaysOn: 'Always on',
  details: 'Services and cookies',
  cookie: 'Cookie',
  purpose: 'Purpose',
  duration: 'Duration',
  settings: 'Cookie settings',
  essential: 'Essential',
  'essential.text': 'Needed for the site to work: security, load balancing and remembering this choice.',
  analytics: 'Analytics',
  'analytics.text': 'Help us understand how visitors use the site, so that we can improve it.',
  marketing: 'Marketing',
  'marketing.text': 'Used to show you relevant ads and to measure our campaigns.',
  'click-tracking': 'Email click tracking',
  'click-tracking.text': 'Lets us see which links in our emails you open, so that we send you more relevant messages.',
}

/** The names of the UI texts; `texts` in the config overrides them per language. */
export type Messages = typeof en
