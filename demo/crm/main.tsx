// The demo CRM frontend: a single-page app that uses Consentry from npm, binds its store with
// @nanostores/preact, and loads its analytics stand-in only once allowed.
import { useStore } from '@nanostores/preact'
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { consent } from './consent'
import { $path, onLinkClick } from './router'

consent.whenGranted('analytics', () => {
  import('./analytics').then(({ startAnalytics }) => startAnalytics())
})

const theme = new URLSearchParams(location.search).get('theme')
if (theme) document.documentElement.dataset.theme = theme

const TOGGLES = [
  { name: 'analytics', label: 'Product analytics' },
  { name: 'marketing', label: 'Marketing' },
] as const

const Settings = () => {
  const state = useStore(consent.$state)
  return (
    <>
      <h1>Privacy settings</h1>
      <p>These switches and the banner are two views of one store: change either, and the other follows.</p>
      {TOGGLES.map(({ name, label }) => (
        <label class="toggle" key={name}>
          <input
            type="checkbox"
            checked={state.categories[name]}
            onChange={(event) => consent.setConsent({ [name]: event.currentTarget.checked })}
          />
          {label}
        </label>
      ))}
      <p>
        Decided:{' '}
        <span class="badge" id="decided">
          {state.decided ? 'yes' : 'not yet'}
        </span>
      </p>
      <button type="button" onClick={() => consent.showPreferences()}>
        Open the preferences
      </button>
    </>
  )
}

const Home = () => {
  const [loads, setLoads] = useState(0)
  useEffect(() => {
    const update = () => setLoads((window as unknown as { crmAnalyticsLoads?: number }).crmAnalyticsLoads ?? 0)
    update()
    document.addEventListener('crm:analytics', update)
    return () => document.removeEventListener('crm:analytics', update)
  }, [])
  return (
    <>
      <h1>Dashboard</h1>
      <p>
        Product analytics:{' '}
        <span class="badge" id="analytics">
          {loads ? 'loaded' : 'not loaded: waiting for consent'}
        </span>
      </p>
      <p>Move between the pages: one Consentry instance serves them all, and the analytics stand-in loads once.</p>
    </>
  )
}

interface ContactDetails {
  id: string
  name: string
  email: string
  manageUrl: string
  clickTracking: { granted: boolean | null; updatedAt?: string }
  clicks: { to: string; at: string }[]
}

const Contacts = () => {
  const [contacts, setContacts] = useState<{ id: string; name: string }[]>([])
  useEffect(() => {
    fetch('/crm/api/contacts')
      .then((answer) => answer.json())
      .then(setContacts)
  }, [])
  return (
    <>
      <h1>Contacts</h1>
      <ul>
        {contacts.map((contact) => (
          <li key={contact.id}>
            <a href={`/crm/contacts/${contact.id}`}>{contact.name}</a>
          </li>
        ))}
      </ul>
    </>
  )
}

const choiceText = ({ granted, updatedAt }: ContactDetails['clickTracking']) => {
  if (granted == null) return 'no decision yet'
  return `${granted ? 'granted' : 'declined'} (stored ${new Date(updatedAt!).toLocaleString('en')})`
}

const Contact = ({ id }: { id: string }) => {
  const [contact, setContact] = useState<ContactDetails>()
  useEffect(() => {
    fetch(`/crm/api/contacts/${id}`)
      .then((answer) => answer.json())
      .then(setContact)
  }, [id])
  if (!contact) return <p>Loading…</p>
  const pricing = '/site/#pricing'
  // Only with the recipient's consent do the email's links go through the click redirector.
  const link = (to: string) =>
    contact.clickTracking.granted ? `/crm/r?contact=${contact.id}&to=${encodeURIComponent(to)}` : to
  return (
    <>
      <h1>{contact.name}</h1>
      <p>
        Email click tracking:{' '}
        <span class="badge" id="click-tracking">
          {choiceText(contact.clickTracking)}
        </span>
        , as consentry/server stores it for this contact.
      </p>
      <h2>Sample marketing email</h2>
      <article class="email" aria-label="Sample marketing email">
        <p class="meta">To: {contact.email} · Subject: New in Acme CRM this month</p>
        <p>Hello {contact.name.split(' ')[0]},</p>
        <p>
          Shared inboxes are here.{' '}
          <a href={link(pricing)} id="email-link">
            See the plans
          </a>
          .
        </p>
        <footer>
          You receive this email as an Acme CRM customer.{' '}
          <a href={contact.manageUrl} id="manage">
            Manage Preferences
          </a>
        </footer>
      </article>
      <p>
        {contact.clickTracking.granted
          ? 'Click tracking is granted: the links go through the redirector, which records each click.'
          : 'Click tracking is not granted: the links point straight at their pages, and nothing is recorded.'}
      </p>
      <h2>Tracked clicks</h2>
      {contact.clicks.length ? (
        <ol id="clicks">
          {contact.clicks.map((click) => (
            <li key={click.at}>
              {click.to} at {new Date(click.at).toLocaleString('en')}
            </li>
          ))}
        </ol>
      ) : (
        <p id="clicks">None.</p>
      )}
    </>
  )
}

const App = () => {
  const path = useStore($path)
  const contact = /^\/crm\/contacts\/([\w-]+)$/.exec(path)
  let page = <Home />
  if (path == '/crm/settings') page = <Settings />
  if (path == '/crm/contacts') page = <Contacts />
  if (contact) page = <Contact id={contact[1]!} />
  const item = (href: string, label: string) => (
    <li>
      <a href={href} aria-current={path == href ? 'page' : undefined}>
        {label}
      </a>
    </li>
  )
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: one listener routes the clicks of every link inside; links get Enter's click themselves.
    <div class="layout" onClick={onLinkClick}>
      <nav aria-label="CRM">
        <p class="brand">Acme CRM</p>
        <ul>
          {item('/crm/', 'Dashboard')}
          {item('/crm/contacts', 'Contacts')}
          {item('/crm/settings', 'Privacy settings')}
        </ul>
        <a href="/">All parts of the demo</a>
      </nav>
      <main>{page}</main>
    </div>
  )
}

render(<App />, document.getElementById('app')!)
