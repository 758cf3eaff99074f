/** The built-in English texts; every other language overrides some or all of them. */
export const en = {
  title: 'We value your privacy',
  // {purposes}: what the config's optional categories are for, as a list ("to understand how the
  // site is used and to personalise ads"), from the `<category>.purpose` texts.
  text: 'We use cookies to run this site. With your consent we also use them {purposes}. You can change your choice at any time. Read our {policy}.',
  essentialOnlyText: 'We use only the cookies this site needs to work. Read our {policy}.',
  policy: 'cookie policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  manage: 'Manage preferences',
  preferencesTitle: 'Privacy preferences',
  preferencesText: 'Choose which cookies we may use. Essential cookies are always on because the site needs them.',
  save: 'Save preferences',
  close: 'Close',
  alwaysOn: 'Always on',
  partlyOn: 'Partly on',
  details: 'Services and cookies',
  cookie: 'Cookie',
  purpose: 'Purpose',
  duration: 'Duration',
  noCookies: 'No cookies listed.',
  settings: 'Cookie settings',
  essential: 'Essential',
  'essential.text': 'Needed for the site to work: security, load balancing and remembering this choice.',
  analytics: 'Analytics',
  'analytics.text': 'Help us understand how visitors use the site, so that we can improve it.',
  'analytics.purpose': 'to understand how the site is used',
  marketing: 'Marketing',
  'marketing.text': 'Used to show you relevant ads and to measure our campaigns.',
  'marketing.purpose': 'to personalise ads',
  'click-tracking': 'Email click tracking',
  'click-tracking.text': 'Lets us see which links in our emails you open, so that we send you more relevant messages.',
  'click-tracking.purpose': 'to see which links in our emails you open',
  // A category without a `<name>.purpose` text of its own.
  otherPurpose: 'for {category}',
  // How the purposes join into one list: two of them, and the last two of three or more (CLDR's
  // list patterns). Given per language, they spare the banner Intl.ListFormat, whose first use
  // costs a page some 12 ms of main thread (50 ms on a slow phone).
  'list.pair': '{0} and {1}',
  'list.middle': '{0}, {1}',
  'list.end': '{0}, and {1}',
  gpc: 'Your browser sends a Global Privacy Control signal, and we honour it: we do not sell or share your personal information unless you turn that on here.',
  optOutText:
    'We use cookies to run this site and {purposes}. You can opt out of the sale or sharing of your personal information at any time. Read our {policy}.',
  doNotSell: 'Do Not Sell or Share My Personal Information',
  ok: 'OK',
  noticeText: 'We use cookies to run this site and {purposes}. Read our {policy}.',
  placeholder: 'This content from {service} loads only once you allow it, because it may set cookies for {category}.',
  load: 'Load {service}',
}

/** The names of the UI texts; `texts` in the config overrides them per language. */
export type Messages = typeof en
