import type { ComponentChild } from 'preact'
import type { Consentry } from '../core/types'
import { format } from '../i18n/format'
import type { Texts } from '../i18n/texts'

interface Props {
  consent: Consentry
  texts: Texts
  policyUrl: string | undefined
}

/**
 * The first layer: a non-modal region. In opt-in mode, Reject all and Accept all side by side,
 * equal in look; in opt-out mode, "Do Not Sell or Share" beside OK; in notice mode, OK alone.
 * Under Global Privacy Control it says that the signal is honoured.
 */
export const Banner = ({ consent, texts: { t }, policyUrl }: Props) => {
  const finish = (choose: () => void) => {
    choose()
    consent.hide()
  }
  const policy = policyUrl ? <a href={policyUrl}>{t('policy')}</a> : t('policy')
  const button = (label: string, choose: () => void) => (
    <button type="button" class="button" onClick={() => finish(choose)}>
      {label}
    </button>
  )
  // OK keeps the grants as they stand before a decision (this mode's defaults), and records it.
  const ok = button(t('ok'), () => consent.setConsent({}, 'banner'))
  let text = t('text')
  let choices: ComponentChild[]
  if (consent.mode == 'notice') {
    text = t('noticeText')
    choices = [ok]
  } else if (consent.mode == 'opt-out') {
    text = t('optOutText')
    choices = [button(t('doNotSell'), () => consent.optOut('banner')), ok]
  } else {
    choices = [button(t('rejectAll'), () => consent.rejectAll('banner')), button(t('acceptAll'), () => consent.acceptAll('banner'))]
  }
  return (
    <div class="banner" role="region" aria-labelledby="consentry-title">
      <div class="content">
        <h2 id="consentry-title">{t('title')}</h2>
        <p>{format(text, { policy })}</p>
        {consent.gpc && <p class="gpc">{t('gpc')}</p>}
      </div>
      <div class="actions">
        {choices}
        {consent.mode != 'notice' && (
          <button type="button" class="button secondary" onClick={consent.showPreferences}>
            {t('manage')}
          </button>
        )}
      </div>
    </div>
  )
}
