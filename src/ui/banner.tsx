import type { Consentry } from '../core/types'
import { format } from '../i18n/format'
import type { Texts } from '../i18n/texts'

/** The first layer: a non-modal region with Accept all and Reject all side by side, equal in look. */
export const Banner = ({ consent, texts: { t }, policyUrl }: { consent: Consentry; texts: Texts; policyUrl: string | undefined }) => {
  const decide = (accept: boolean) => {
    if (accept) consent.acceptAll('banner')
    else consent.rejectAll('banner')
    consent.hide()
  }
  return (
    <div class="banner" role="region" aria-labelledby="consentry-title">
      <div class="content">
        <h2 id="consentry-title">{t('title')}</h2>
        <p>{format(t('text'), { policy: policyUrl ? <a href={policyUrl}>{t('policy')}</a> : t('policy') })}</p>
      </div>
      <div class="actions">
        <button type="button" class="button" onClick={() => decide(false)}>
          {t('rejectAll')}
        </button>
        <button type="button" class="button" onClick={() => decide(true)}>
          {t('acceptAll')}
        </button>
        <button type="button" class="button secondary" onClick={consent.showPreferences}>
          {t('manage')}
        </button>
      </div>
    </div>
  )
}
