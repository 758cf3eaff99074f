import type { Consentry, DecisionSource } from '../core/types'
import type { Texts } from '../i18n/texts'
import { CategoryRow } from './category'
import { Choices } from './choices'
import { cookieColumns } from './cookie-table'
import styles from './preferences.css?inline'

/** The preferences' own stylesheet, adopted beside the main one when this chunk loads. */
export const css: string = styles

interface Props {
  consent: Consentry
  texts: Texts
  draft: Record<string, boolean>
  change: (changes: Record<string, boolean>) => void
  /** Categories in the order to show (click-tracking first when opened from an email link). */
  order: string[]
  /** Whether the preferences are shown: a closed dialog stays empty, which keeps the first render small. */
  open: boolean
  /** The policy link, where the config's is a safe URL. */
  policyUrl: string | undefined
  /** Who decides here: `email-link` when opened from a marketing email's footer link. */
  source: DecisionSource
}

/** The second layer, in a native modal `<dialog>`: one switch per category, and the three choices. */
export const Preferences = ({ consent, texts, draft, change, order, open, policyUrl, source }: Props) => {
  const { t } = texts
  const columns = cookieColumns(consent.config)
  const finish = (choose: () => void) => {
    choose()
    consent.hide()
  }
  return (
    <dialog class="preferences" aria-labelledby="consentry-preferences-title">
      {open && (
        <>
          <div class="head">
            <h2 id="consentry-preferences-title">{t('preferencesTitle')}</h2>
            <button
              type="button"
              class="close"
              aria-label={t('close')}
              onClick={(event) => (event.currentTarget as HTMLElement).closest('dialog')!.close()}
            >
              ×
            </button>
          </div>
          <div class="body">
            <p>{t('preferencesText')}</p>
            {consent.gpc && <p class="gpc">{t('gpc')}</p>}
            {policyUrl && (
              <p>
                <a href={policyUrl}>{t('policy')}</a>
              </p>
            )}
            <ul class="categories">
              {order.map((name) => (
                <CategoryRow
                  key={name}
                  name={name}
                  category={consent.config.categories[name]!}
                  draft={draft}
                  change={change}
                  texts={texts}
                  columns={columns}
                />
              ))}
            </ul>
          </div>
          <div class="actions">
            <Choices
              choices={[
                { label: t('rejectAll'), choose: () => finish(() => consent.rejectAll(source)) },
                { label: t('acceptAll'), choose: () => finish(() => consent.acceptAll(source)) },
              ]}
            />
            <button
              type="button"
              class="button secondary"
              onClick={() => finish(() => consent.setConsent(draft, source))}
            >
              {t('save')}
            </button>
          </div>
        </>
      )}
    </dialog>
  )
}
