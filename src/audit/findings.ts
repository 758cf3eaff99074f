import type { Classification, Finding, PageReport, Phase } from './types'

const TRACKING = ['analytics', 'marketing']

/** Tracking in a phase where nothing may track: analytics, marketing, or what the config puts in a category it does not require. */
const isFinding = (item: Classification) =>
  item.source == 'config' ? !item.required : TRACKING.includes(item.category)

const gate = (item: Classification) => `data-consent="${item.category}"`

const requestAdvice = (request: Phase['requests'][number]) => {
  if (request.initiator == 'parser') return `gate the element that loads ${request.url} with ${gate(request)}`
  if (request.initiator) return `gate the script ${request.initiator} with ${gate(request)}`
  return `gate the tag that requests ${request.host} with ${gate(request)}`
}

const storedAdvice = (item: Classification, phase: Phase['name']) => {
  const advice = `gate the ${item.vendor ?? 'tag'} tag that sets it with ${gate(item)}`
  return phase == 'after-reject'
    ? `${advice}, and list it in its service's cookies so that Reject all deletes it`
    : advice
}

/**
 * The findings of an audit: every analytics or marketing cookie, storage key or request (and
 * anything the config puts in a category it does not require) before consent or after Reject
 * all, once per phase and name; and what no source recognised, listed apart.
 */
export const findingsOf = (phases: Phase[]): Pick<PageReport, 'findings' | 'unclassified'> => {
  const findings: Finding[] = []
  const unclassified: PageReport['unclassified'] = []
  const seen = new Set<string>()
  const add = (
    phase: Phase['name'],
    kind: Finding['kind'],
    name: string,
    item: Classification,
    advice: () => string,
    host?: string,
  ) => {
    const key = `${phase} ${kind} ${name}`
    if (seen.has(key)) return
    seen.add(key)
    if (item.category == 'unknown') {
      unclassified.push({ phase, kind, name })
      return
    }
    if (phase == 'after-accept' || !isFinding(item)) return
    const finding: Finding = { phase, kind, name, category: item.category, advice: advice() }
    if (host) finding.host = host
    if (item.vendor) finding.vendor = item.vendor
    findings.push(finding)
  }
  for (const phase of phases) {
    for (const cookie of phase.cookies)
      add(phase.name, 'cookie', cookie.name, cookie, () => storedAdvice(cookie, phase.name), cookie.domain)
    for (const item of phase.storage) add(phase.name, 'storage', item.key, item, () => storedAdvice(item, phase.name))
    for (const request of phase.requests)
      add(phase.name, 'request', request.host, request, () => requestAdvice(request), request.host)
  }
  return { findings, unclassified }
}
