// How consentry audit names what it finds: the config first, then the Open Cookie Database (as
// scripts/refresh-cookie-database.js converts its CSV), then the project's list of vendors.
import { describe, expect, it } from 'vitest'
import { createClassifier } from '../src/audit/classify'
import { convert } from '../scripts/refresh-cookie-database.js'

// Rows in the database's own CSV layout.
const CSV = `ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match
1,Google Analytics,Analytics,_ga,google-analytics.com,"ID used to identify users, for 2 years",2 years,Google,https://privacy.google.com,0
2,Hotjar,Analytics,_hjSession_,hotjar.com,Session of a visitor,30 minutes,Hotjar,https://www.hotjar.com/privacy,1
3,Optimizely,Personalization,optimizelyEndUserId,optimizely.com,Visitor id,6 months,Optimizely,,0
4,Cloudflare,Security,__cf_bm,cloudflare.com,Bot management,30 minutes,Cloudflare,,0
`

describe('the Open Cookie Database', () => {
  it('is converted from its CSV, personalization counted as marketing', () => {
    expect(convert(CSV)).toEqual([
      {
        name: '_ga',
        prefix: false,
        platform: 'Google Analytics',
        category: 'analytics',
        description: 'ID used to identify users, for 2 years',
        retention: '2 years',
      },
      {
        name: '_hjSession_',
        prefix: true,
        platform: 'Hotjar',
        category: 'analytics',
        description: 'Session of a visitor',
        retention: '30 minutes',
      },
      {
        name: 'optimizelyEndUserId',
        prefix: false,
        platform: 'Optimizely',
        category: 'marketing',
        description: 'Visitor id',
        retention: '6 months',
      },
      {
        name: '__cf_bm',
        prefix: false,
        platform: 'Cloudflare',
        category: 'security',
        description: 'Bot management',
        retention: '30 minutes',
      },
    ])
  })
})

describe('the classifier', () => {
  const database = convert(CSV)
  const config = {
    revision: 1,
    categories: {
      essential: { required: true, services: { cdn: { title: 'CDN', cookies: ['__cf_bm'] } } },
      ads: { services: { pixel: { cookies: ['/^_px/'] } } },
    },
  }
  const classify = createClassifier(config, database)

  it('takes the config’s own service first, required or not', () => {
    expect(classify.cookie('__cf_bm')).toMatchObject({
      category: 'essential',
      vendor: 'CDN',
      source: 'config',
      required: true,
    })
    expect(classify.cookie('_px_1')).toMatchObject({
      category: 'ads',
      vendor: 'pixel',
      source: 'config',
      required: false,
    })
  })

  it('then the database, by name and by prefix, with its purpose and retention', () => {
    expect(classify.cookie('_hjSession_123')).toMatchObject({
      category: 'analytics',
      vendor: 'Hotjar',
      source: 'database',
      pattern: '_hjSession_*',
      duration: '30 minutes',
    })
    expect(classify.storage('optimizelyEndUserId')).toMatchObject({ category: 'marketing', source: 'database' })
  })

  it('then the project’s vendors, by cookie and by request host, for what the database lacks', () => {
    expect(classify.cookie('fs_uid')).toMatchObject({
      category: 'analytics',
      vendor: 'FullStory',
      adapter: 'fullstory',
    })
    expect(classify.cookie('olfsk')).toMatchObject({ category: 'functional', vendor: 'Olark' })
    for (const [host, vendor] of [
      ['region1.google-analytics.com', 'Google Analytics'],
      ['www.googletagmanager.com', 'Google Tag Manager'],
      ['optimize.google.com', 'Google Optimize'],
      ['googleads.g.doubleclick.net', 'Google Ads'],
      ['bat.bing.com', 'Microsoft Advertising (UET)'],
      ['k.clarity.ms', 'Microsoft Clarity'],
      ['rs.fullstory.com', 'FullStory'],
      ['static.olark.com', 'Olark'],
    ]) {
      expect(classify.request(host!).vendor, host).toBe(vendor)
    }
    for (const [cookie, vendor] of [
      ['_gid', 'Google Analytics'],
      ['_gaexp', 'Google Optimize'],
      ['_gcl_au', 'Google Ads'],
      ['_uetvid', 'Microsoft Advertising (UET)'],
      ['_clck', 'Microsoft Clarity'],
      ['hblid', 'Olark'],
    ]) {
      expect(classify.cookie(cookie!).vendor, cookie).toBe(vendor)
    }
  })

  it('knows Consentry’s own cookie and outbox, and leaves the rest unknown', () => {
    expect(classify.cookie('consentry')).toMatchObject({ vendor: 'Consentry', required: true })
    expect(classify.storage('consentry:outbox:consentry')).toMatchObject({ vendor: 'Consentry', required: true })
    expect(classify.cookie('wdgt_seen')).toEqual({ category: 'unknown', source: 'none' })
    expect(classify.request('cdn.widgets.example')).toEqual({ category: 'unknown', source: 'none' })
    // A host that only ends like a tracker's is not it.
    expect(classify.request('notclarity.ms').category).toBe('unknown')
  })
})
