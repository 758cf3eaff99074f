// The project's own list of trackers, for what the Open Cookie Database lacks (FullStory, Olark)
// and for request hosts, which the database does not key by. Each vendor is recognised by its
// cookies (a name, or a prefix ending in *) and by the hosts it loads from (a host and its
// subdomains).
import type { AuditCategory } from './types'

/** A vendor the audit recognises. */
export interface KnownVendor {
  vendor: string
  category: AuditCategory
  /** Cookie names and storage keys; `_ga_*` is a prefix. */
  cookies: string[]
  hosts: string[]
  /** What the cookies are for, for a drafted config. */
  purpose: string
  /** Consentry's adapter for the vendor, where it has one. */
  adapter?: 'fullstory' | 'microsoft-uet' | 'microsoft-clarity'
}

export const KNOWN_VENDORS: KnownVendor[] = [
  {
    vendor: 'Google Analytics',
    category: 'analytics',
    cookies: ['_ga', '_ga_*', '_gid', '_gat', '_gat_*', '__utma', '__utmb', '__utmc', '__utmt', '__utmz'],
    hosts: ['google-analytics.com', 'analytics.google.com'],
    purpose: 'Tells visits and visitors apart for usage statistics',
  },
  {
    vendor: 'Google Tag Manager',
    category: 'analytics',
    cookies: [],
    hosts: ['googletagmanager.com'],
    purpose: 'Loads Google tags',
  },
  {
    vendor: 'Google Optimize',
    category: 'analytics',
    cookies: ['_gaexp', '_opt_awcid', '_opt_awmid', '_opt_awgid', '_opt_awkid', '_opt_utmc', '_opt_expid'],
    hosts: ['optimize.google.com'],
    purpose: 'Runs experiments on the site',
  },
  {
    vendor: 'Google Ads',
    category: 'marketing',
    cookies: ['_gcl_au', '_gcl_aw', '_gcl_dc', '_gcl_gb', 'IDE', 'test_cookie', 'DSID', '__gads', '__gpi'],
    hosts: ['doubleclick.net', 'googleadservices.com', 'googlesyndication.com', 'googleads.g.doubleclick.net'],
    purpose: 'Measures and personalises advertising',
  },
  {
    vendor: 'Microsoft Advertising (UET)',
    category: 'marketing',
    cookies: ['_uetsid', '_uetvid', '_uetmsclkid', 'MUID'],
    hosts: ['bat.bing.com', 'bat.bing.net'],
    purpose: 'Measures conversions from Microsoft Advertising',
    adapter: 'microsoft-uet',
  },
  {
    vendor: 'Microsoft Clarity',
    category: 'analytics',
    cookies: ['_clck', '_clsk', 'CLID', 'ANONCHK', 'SM', 'MR'],
    hosts: ['clarity.ms'],
    purpose: 'Records sessions and heatmaps for usage analysis',
    adapter: 'microsoft-clarity',
  },
  {
    vendor: 'FullStory',
    category: 'analytics',
    cookies: ['fs_uid', 'fs_lua', 'fs_cid', 'fs_session', '_fs_*'],
    hosts: ['fullstory.com'],
    purpose: 'Records sessions for replay',
    adapter: 'fullstory',
  },
  {
    vendor: 'Olark',
    category: 'functional',
    cookies: ['olfsk', 'hblid', 'wcsid', '_okbk', '_ok', '_okdetect', '_oklv', '_okac', '_okck'],
    hosts: ['olark.com'],
    purpose: 'Runs the live chat widget and recognises returning visitors in it',
  },
  {
    vendor: 'Meta Pixel',
    category: 'marketing',
    cookies: ['_fbp', '_fbc', 'fr'],
    hosts: ['connect.facebook.net', 'facebook.com'],
    purpose: 'Measures and targets advertising on Meta',
  },
  {
    vendor: 'LinkedIn Insight',
    category: 'marketing',
    cookies: ['li_fat_id', 'li_sugr', 'bcookie', 'lidc', 'UserMatchHistory', 'AnalyticsSyncHistory'],
    hosts: ['snap.licdn.com', 'px.ads.linkedin.com'],
    purpose: 'Measures and targets advertising on LinkedIn',
  },
  {
    vendor: 'Hotjar',
    category: 'analytics',
    cookies: ['_hjSessionUser_*', '_hjSession_*', '_hjid', '_hjTLDTest', '_hjAbsoluteSessionInProgress'],
    hosts: ['hotjar.com', 'hotjar.io'],
    purpose: 'Records sessions and heatmaps for usage analysis',
  },
  {
    vendor: 'YouTube',
    category: 'marketing',
    cookies: ['YSC', 'VISITOR_INFO1_LIVE', 'VISITOR_PRIVACY_METADATA'],
    hosts: ['youtube.com', 'ytimg.com'],
    purpose: 'Plays embedded videos and personalises advertising',
  },
]
