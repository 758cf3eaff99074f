import { render } from 'preact'
import { own } from '../core/own'
import { PLACEHOLDER_TARGETS, placeholderOff } from '../core/placeholders'
import type { Consentry } from '../core/types'
// biome-ignore lint/style/noRestrictedImports: placeholders are a gate that the UI draws; domGate is the public helper every gate is built on.
import { domGate } from '../gates/dom-gate'
import { format } from '../i18n/format'
import type { Texts } from '../i18n/texts'
import css from './placeholders.css?inline'

interface Props {
  consent: Consentry
  name: string
  texts: Texts
}

/** What stands in for a held-back embed: its service, why it waits, and a way to allow just it. */
const Placeholder = ({ consent, name, texts: { t, pick } }: Props) => {
  const [categoryName = '', serviceName] = name.split('.')
  const category = own(consent.config.categories, categoryName)
  const service = serviceName ? own(category?.services, serviceName) : undefined
  const categoryTitle = pick(category?.title) ?? t(categoryName)
  const title = pick(service?.title) ?? serviceName ?? categoryTitle
  const description = pick(service?.description)
  return (
    <section class="placeholder" aria-label={title}>
      <p>
        <strong>{title}</strong>
      </p>
      {description && <p>{description}</p>}
      <p>{format(t('placeholder'), { service: title, category: categoryTitle })}</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => consent.setConsent({ [name]: true }, 'placeholder')}>
          {format(t('load'), { service: title })}
        </button>
        <button type="button" class="link" onClick={consent.showPreferences}>
          {t('settings')}
        </button>
      </div>
    </section>
  )
}

interface Held {
  host: HTMLElement
  /** The embed's own inline display, put back when it is allowed. */
  display: string
}

/**
 * Placeholders for the gated iframes and templates of a document, each in a shadow root of its
 * own with the UI's stylesheet and the placeholders' own, in the embed's place and of its size:
 * an iframe is hidden while its placeholder shows, so that allowing it swaps two boxes of one
 * size and shifts nothing.
 * A template's placeholder takes the template's `width` and `height` attributes, if any.
 */
export const placeholders = (
  consent: Consentry,
  doc: Document,
  texts: Texts,
  sheet: CSSStyleSheet,
  theme: string,
  onError: (error: unknown) => void,
) => {
  const held = new Map<Element, Held>()
  // Rules only placeholders use: they stay off the banner's way, in this chunk.
  const own = new (doc.defaultView as typeof globalThis).CSSStyleSheet()
  own.replaceSync(css)
  const show = (element: HTMLElement) => {
    const host = doc.createElement('div')
    host.setAttribute('data-consentry-placeholder', '')
    host.setAttribute('data-theme', theme)
    const isFrame = element.localName == 'iframe'
    // CSSOM, not a style attribute: a strict style-src policy allows it.
    if (isFrame) {
      const box = element.getBoundingClientRect()
      const { display, verticalAlign } = doc.defaultView!.getComputedStyle(element)
      host.style.width = `${box.width}px`
      host.style.height = `${box.height}px`
      host.style.display = display == 'inline' ? 'inline-block' : display
      host.style.verticalAlign = verticalAlign
    } else {
      for (const side of ['width', 'height'] as const) {
        const size = element.getAttribute(side)
        if (size) host.style[side] = /^\d+$/.test(size) ? `${size}px` : size
      }
    }
    const root = host.attachShadow({ mode: 'open' })
    root.adoptedStyleSheets = [sheet, own]
    render(<Placeholder consent={consent} name={element.getAttribute('data-consent')!} texts={texts} />, root)
    held.set(element, { host, display: element.style.display })
    if (isFrame) {
      element.before(host)
      element.style.display = 'none'
    } else element.after(host)
  }
  const hide = (element: HTMLElement, { host, display }: Held) => {
    held.delete(element)
    render(null, host.shadowRoot!)
    host.remove()
    if (element.localName == 'iframe') element.style.display = display
  }
  const stop = domGate(PLACEHOLDER_TARGETS, (element, granted) => {
    const wanted = !granted && !placeholderOff(element)
    const current = held.get(element)
    try {
      if (wanted && !current) show(element as HTMLElement)
      if (!wanted && current) hide(element as HTMLElement, current)
    } catch (error) {
      onError(error)
    }
  })(consent, doc)
  return () => {
    stop()
    for (const [element, current] of held) hide(element as HTMLElement, current)
  }
}
