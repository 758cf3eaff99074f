import type { Consentry, UiOptions } from '../core/types'
import type { Texts } from '../i18n/texts'

// A cookie with a bite out of it: a disc, a notch at the top right, three crumbs.
const COOKIE_ICON =
  'M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5Zm-4.5 7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm6 4a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm-5 4a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z'

interface Props {
  consent: Consentry
  texts: Texts
  position: NonNullable<UiOptions['settingsButton']>
  /** Fetch the preferences' chunk: the visitor is about to open them. */
  prefetch: () => void
}

/** The floating button that reopens the preferences once the visitor has decided: a 44 px icon, named by its label. */
export const SettingsButton = ({ consent, texts, position, prefetch }: Props) => (
  <button
    type="button"
    class="button settings"
    data-position={position == 'bottom-end' ? 'bottom-end' : 'bottom-start'}
    onClick={consent.showPreferences}
    onPointerEnter={prefetch}
    onTouchStart={prefetch}
    onFocus={prefetch}
  >
    <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" fill="currentColor">
      <path d={COOKIE_ICON} />
    </svg>
    <span class="settings-label">{texts.t('settings')}</span>
  </button>
)
