// `consentry audit`: the command's entry (bin/consentry.js), and its parts for scripts of a site's own.
export { audit, main } from './cli'
export { auditPage } from './audit'
export { suggestConfig } from './suggest'
export type { CookieRecord, Finding, PageReport, Phase, RequestRecord, StorageRecord } from './types'
