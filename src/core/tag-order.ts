type Entry = { [index: number]: unknown; event?: unknown }

/** A tag's start in the dataLayer: a gtag `config` or `event` command, or Tag Manager's. */
const tagStart = (entry: Entry) => {
  if (entry[0] == 'config' || entry[0] == 'event') return `gtag('${entry[0]}')`
  return entry.event == 'gtm.js' ? "Tag Manager's container" : undefined
}

/**
 * What in the page's dataLayer started before Consent Mode's first default, if anything: an
 * ungated snippet placed above consentry.js, whose tags ran before they were told what is denied.
 * Nothing where the page has no Consent Mode default at all.
 */
export const tagBeforeConsentDefault = (win: Window): string | undefined => {
  try {
    const layer = (win as { dataLayer?: unknown }).dataLayer
    if (!Array.isArray(layer)) return undefined
    let first: string | undefined
    for (let i = 0; i < layer.length; i++) {
      const entry = layer[i] as Entry | null
      if (!entry || typeof entry != 'object') continue
      if (entry[0] == 'consent' && entry[1] == 'default') return first
      first ??= tagStart(entry)
    }
  } catch {
    // A dataLayer the page replaced by something else: nothing to tell.
  }
  return undefined
}
