import { COOKIE_NAME } from '../core/patterns'
import type { CategoryInput, ConsentryConfig, CookieInput, ServiceInput } from '../core/types'
import type { Classification, PageReport } from './types'

// The report's categories as a drafted config names them: what keeps the site safe is essential.
const DRAFT_CATEGORY: Record<string, string> = {
  analytics: 'analytics',
  marketing: 'marketing',
  functional: 'functional',
  security: 'essential',
}
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** A service name the validator takes (`^[a-z][a-z0-9-]*$`), from a vendor's. */
const serviceName = (vendor: string) => {
  const slug = vendor
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return /^[a-z]/.test(slug) ? slug : `service-${slug}`
}

/** A cookie entry of the config: its name, a prefix as a pattern, with what the sources say of it. */
const cookieEntry = (name: string, item: Classification): CookieInput => {
  const entry: { name: string; match?: string; purpose?: string; duration?: string } = { name }
  if (item.pattern) {
    entry.name = item.pattern
    entry.match = `/^${escapeRegex(item.pattern.slice(0, -1))}/`
  } else if (!COOKIE_NAME.test(name)) entry.match = `/^${escapeRegex(name)}$/`
  if (item.purpose) entry.purpose = item.purpose
  if (item.duration) entry.duration = item.duration
  return entry
}

/**
 * A Consentry config drafted from what a page does once everything is accepted (or before
 * consent, on a page without Consentry): a service per vendor, in the category the sources give,
 * with the cookies it sets. A draft to review: revision 1, English texts.
 */
export const suggestConfig = (report: PageReport): ConsentryConfig => {
  const phase = report.phases.find((each) => each.name == 'after-accept') ?? report.phases[0]!
  const categories: Record<string, CategoryInput & { services: Record<string, ServiceInput> }> = {
    essential: { required: true, services: {} },
  }
  let google = false
  const serviceOf = (item: Classification) => {
    const category = item.source == 'config' ? item.category : DRAFT_CATEGORY[item.category]
    if (!category || !item.vendor) return undefined
    google ||= item.vendor.startsWith('Google')
    categories[category] ??= { services: {} }
    const services = categories[category].services
    const name = serviceName(item.vendor)
    services[name] ??= { title: item.vendor, cookies: [] }
    if (item.adapter) services[name].vendor = item.adapter as NonNullable<ServiceInput['vendor']>
    return services[name]
  }
  for (const cookie of phase.cookies) {
    const service = serviceOf(cookie)
    if (!service) continue
    const entry = cookieEntry(cookie.name, cookie)
    const name = typeof entry == 'string' ? entry : entry.name
    if (!service.cookies!.some((each) => (typeof each == 'string' ? each : each.name) == name))
      service.cookies!.push(entry)
  }
  for (const request of phase.requests) serviceOf(request)
  const config: ConsentryConfig = { revision: 1, categories }
  if (google) config.googleConsentMode = true
  return config
}
