// The demo CRM's server side: its contacts, each one's signed "Manage Preferences" link, the
// click-tracking choice consentry/server stores for them (read with the CRM's API key, which never
// reaches the browser), and the email link redirector that honours that choice.
export const CONTACTS = [
  { id: 'ada', name: 'Ada Lovelace', email: 'ada@example.com' },
  { id: 'grace', name: 'Grace Hopper', email: 'grace@example.com' },
]
// Clicks the redirector tracked, by contact: what a CRM shows on a contact's timeline.
const clicks = new Map()
const json = (response, status, body) => {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  response.end(JSON.stringify(body))
}

/** The newest decision consentry/server holds for a contact: true, false, or null (none yet). */
const clickTracking = async ({ consentServer, apiKey, port }, id) => {
  const request = new Request(`http://127.0.0.1:${port}/consent/subjects/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${apiKey}` },
  })
  const answer = await consentServer.fetch(request)
  if (answer.status == 404) return { granted: null }
  const decision = await answer.json()
  return { granted: decision.categories['click-tracking'] === true, updatedAt: decision.updatedAt }
}

export const handle = async (request, response, context) => {
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (url.pathname == '/crm/api/contacts') {
    json(response, 200, CONTACTS)
    return true
  }
  const contactRoute = /^\/crm\/api\/contacts\/([\w-]+)$/.exec(url.pathname)
  if (contactRoute) {
    const contact = CONTACTS.find(({ id }) => id == contactRoute[1])
    if (!contact) {
      json(response, 404, { error: 'no such contact' })
      return true
    }
    const token = context.signRecipientToken(
      { subject: contact.id, expiresAt: new Date(Date.now() + 30 * 864e5) },
      context.secret,
    )
    json(response, 200, {
      ...contact,
      // The email footer's link: the marketing site opens its preferences, and its receipt carries the token.
      manageUrl: `/site/?consent=preferences&ctk=${encodeURIComponent(token)}`,
      clickTracking: await clickTracking(context, contact.id),
      clicks: clicks.get(contact.id) ?? [],
    })
    return true
  }
  if (url.pathname == '/crm/r') {
    // Only links to this demo's own pages: an open redirector would serve phishing.
    const to = url.searchParams.get('to') ?? '/'
    const target = to.startsWith('/') && !to.startsWith('//') ? to : '/'
    const id = url.searchParams.get('contact') ?? ''
    const { granted } = CONTACTS.some((contact) => contact.id == id)
      ? await clickTracking(context, id)
      : { granted: null }
    if (granted) clicks.set(id, [...(clicks.get(id) ?? []), { to: target, at: new Date().toISOString() }])
    response.writeHead(302, { location: target, 'cache-control': 'no-store' })
    response.end()
    return true
  }
  return false
}
