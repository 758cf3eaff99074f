import { render } from 'preact'
import { isEmailLink } from '../core/email-link'
import type { Consentry } from '../core/types'
import { isRightToLeft } from '../i18n/locale'
import { loadTexts, type Texts } from '../i18n/texts'
import { Banner } from './banner'
import { Preferences } from './preferences'
import css from './styles.css?inline'

/**
 * Render the banner, the preferences and the optional settings button of an instance into an
 * open shadow root at the end of `<body>`, styled by a constructed stylesheet (no inline styles,
 * so a strict `style-src` Content Security Policy holds). Returns the function that removes it.
 */
export const mount = (consent: Consentry, doc: Document) => {
  const { config, $state, $view } = consent
  // The document may have gone (a closed frame) while the chunk loaded.
  if (!doc.defaultView) return () => {}
  const host = doc.createElement('div')
  host.setAttribute('data-consentry', '')
  host.setAttribute('data-layout', config.ui?.layout ?? 'bar')
  const theme = config.ui?.theme ?? 'auto'
  const dark = doc.defaultView.matchMedia('(prefers-color-scheme: dark)')
  const paint = () => host.setAttribute('data-theme', theme == 'auto' ? (dark.matches ? 'dark' : 'light') : theme)
  paint()
  dark.addEventListener('change', paint)
  const root = host.attachShadow({ mode: 'open' })
  const sheet = new (doc.defaultView as typeof globalThis).CSSStyleSheet()
  sheet.replaceSync(css)
  root.adoptedStyleSheets = [sheet]

  const names = Object.keys(config.categories)
  // Opened from an email footer link: the category the recipient came for goes first.
  const order = isEmailLink(doc.URL) ? names.sort((a, b) => +(b == 'click-tracking') - +(a == 'click-tracking')) : names
  let texts: Texts | undefined
  let draft: Record<string, boolean> = {}
  let view = $view.get()

  const draw = () => {
    if (!texts) return
    const { decided } = $state.get()
    const current = $view.get()
    if (current == 'preferences' && view != 'preferences') draft = { ...$state.get().categories }
    view = current
    render(
      <div class="root" lang={texts.lang} dir={isRightToLeft(texts.lang) ? 'rtl' : 'ltr'}>
        {(current == 'banner' || (current == 'preferences' && !decided)) && <Banner consent={consent} texts={texts} />}
        <Preferences
          consent={consent}
          texts={texts}
          draft={draft}
          order={order}
          open={current == 'preferences'}
          toggle={(name) => {
            draft = { ...draft, [name]: !draft[name] }
            draw()
          }}
        />
        {config.ui?.settingsButton && current == 'none' && (
          <button type="button" class="button settings" onClick={consent.showPreferences}>
            {texts.t('settings')}
          </button>
        )}
      </div>,
      root,
    )
    const dialog = root.querySelector('dialog')!
    if (current == 'preferences' && !dialog.open) dialog.showModal()
    if (current != 'preferences' && dialog.open) dialog.close()
  }

  // Closed by Escape or the close button: nothing saved; back to the banner while undecided.
  const onClose = () => {
    if ($view.get() == 'preferences') $state.get().decided ? consent.hide() : consent.showBanner()
  }
  root.addEventListener('close', onClose, true)
  const stops = [$state.listen(draw), $view.listen(draw)]
  // The chunk may arrive while the parser is still in <head>, where there is no body to join yet.
  const parsedBody = new Promise((done) => (doc.body ? done(0) : doc.addEventListener('DOMContentLoaded', done, { once: true })))
  let removed = false
  Promise.all([loadTexts(config, doc), parsedBody]).then(([loaded]) => {
    if (removed) return
    doc.body.append(host)
    texts = loaded
    draw()
  })
  return () => {
    removed = true
    dark.removeEventListener('change', paint)
    stops.forEach((stop) => stop())
    render(null, root)
    host.remove()
  }
}
