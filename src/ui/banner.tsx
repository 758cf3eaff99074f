import type { Config, Consentry } from '../core/types'
import { format } from '../i18n/format'
import type { Texts } from '../i18n/texts'
import { Choices, type Choice } from './choices'

interface Props {
  consent: Consentry
  texts: Texts
  policyUrl: string | undefined
  /** Fetch the preferences' chunk: the visitor is about to open them. */
  prefetch: () => void
}

/**
 * What the config's optional categories are for, as one list in the visitor's language ("to
 * understand how the site is used and to personalise ads"): the banner names only what the
 * config holds. A category without a `<name>.purpose` text is named by its title.
 */
const purposesOf = (config: Config, { t, pick, list }: Texts): string | undefined => {
  const phrases: string[] = []
  for (const [name, category] of Object.entries(config.categories)) {
    if (category.required) continue
    const key = `${name}.purpose`
    const phrase = t(key)
    const title = pick(category.title) ?? t(name)
    phrases.push(phrase == key ? t('otherPurpose').replace('{category}', () => title) : phrase)
  }
  if (!phrases.length) return undefined
  return list(phrases)
}

/**
 * The first layer: a non-modal region. In opt-in mode, Reject all and Accept all side by side,
 * equal in look; in opt-out mode, "Do Not Sell or Share" beside OK; in notice mode, OK alone.
 * Under Global Privacy Control it says that the signal is honoured.
 */
export const Banner = ({ consent, texts, policyUrl, prefetch }: Props) => {
  const { t } = texts
  const finish = (choose: () => void) => {
    choose()
    consent.hide()
  }
  const policy = policyUrl ? <a href={policyUrl}>{t('policy')}</a> : t('policy')
  const choice = (label: string, choose: () => void): Choice => ({ label, choose: () => finish(choose) })
  // OK keeps the grants as they stand before a decision (this mode's defaults), and records it.
  const ok = choice(t('ok'), () => consent.setConsent({}, 'banner'))
  let text = t('text')
  let choices: Choice[]
  const purposes = purposesOf(consent.config, texts)
  if (consent.mode == 'notice') {
    text = t('noticeText')
    choices = [ok]
  } else if (consent.mode == 'opt-out') {
    text = t('optOutText')
    choices = [choice(t('doNotSell'), () => consent.optOut('banner')), ok]
  } else {
    choices = [
      choice(t('rejectAll'), () => consent.rejectAll('banner')),
      choice(t('acceptAll'), () => consent.acceptAll('banner')),
    ]
  }
  return (
    <section class="banner" aria-labelledby="consentry-title">
      <div class="content">
        <h2 id="consentry-title">{t('title')}</h2>
        <p>{purposes ? format(text, { policy, purposes }) : format(t('essentialOnlyText'), { policy })}</p>
        {consent.gpc && <p class="gpc">{t('gpc')}</p>}
      </div>
      <div class="actions">
        <Choices choices={choices} />
        {consent.mode != 'notice' && (
          <button
            type="button"
            class="button secondary"
            onClick={consent.showPreferences}
            onPointerEnter={prefetch}
            onTouchStart={prefetch}
            onFocus={prefetch}
          >
            {t('manage')}
          </button>
        )}
      </div>
    </section>
  )
}
