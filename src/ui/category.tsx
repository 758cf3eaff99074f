import type { CategoryInput } from '../core/types'
import type { Texts } from '../i18n/texts'
import { CookieTable, type CookieColumns } from './cookie-table'

interface Props {
  name: string
  category: CategoryInput
  /** What the switches show: the category's and its services' grants, by `category.service`. */
  draft: Record<string, boolean>
  /** Change some switches. */
  change: (changes: Record<string, boolean>) => void
  texts: Texts
  /** The cookie tables' columns, the same in every table. */
  columns: CookieColumns
}

/**
 * One category of the preferences: a switch labelled by its title, and its services, each with a
 * switch of its own, and their cookies. The category's switch turns it and all its services on or
 * off, and says "Partly on" while its services differ; turning every service on (or off) turns
 * the category on (or off) too. The switches show the stored decision as it is, so that saving
 * without a change stores the same decision.
 */
export const CategoryRow = ({ name, category, draft, change, texts, columns }: Props) => {
  const { t, pick } = texts
  const id = `consentry-${name}`
  const services = Object.entries(category.services ?? {})
  const keys = services.map(([service]) => `${name}.${service}`)
  const on = keys.filter((key) => draft[key]).length
  const granted = !!draft[name]
  const partly = on > 0 && on < keys.length
  const toggleCategory = () => {
    const changes: Record<string, boolean> = { [name]: !granted }
    for (const key of keys) changes[key] = !granted
    change(changes)
  }
  const toggleService = (key: string) => {
    const changes: Record<string, boolean> = { [key]: !draft[key] }
    const nowOn = on + (draft[key] ? -1 : 1)
    if (nowOn == keys.length) changes[name] = true
    if (nowOn == 0) changes[name] = false
    change(changes)
  }
  const builtIn = t(`${name}.text`)
  const description = pick(category.description) ?? (builtIn == `${name}.text` ? undefined : builtIn)
  return (
    <li class="category">
      <div class="row">
        <h3 id={id}>{pick(category.title) ?? t(name)}</h3>
        {category.required ? (
          <span class="always">{t('alwaysOn')}</span>
        ) : (
          <span class="control">
            {partly && (
              <span class="partly" id={`${id}-partly`}>
                {t('partlyOn')}
              </span>
            )}
            <button
              type="button"
              role="switch"
              class="switch"
              aria-checked={granted}
              aria-labelledby={id}
              aria-describedby={partly ? `${id}-partly` : undefined}
              onClick={toggleCategory}
            />
          </span>
        )}
      </div>
      {description && <p>{description}</p>}
      {services.length > 0 && (
        <details>
          <summary>{t('details')}</summary>
          <ul>
            {services.map(([service, details]) => (
              <li key={service}>
                <div class="row">
                  <strong id={`${id}--${service}`}>{pick(details.title) ?? service}</strong>
                  {!category.required && (
                    <button
                      type="button"
                      role="switch"
                      class="switch"
                      aria-checked={!!draft[`${name}.${service}`]}
                      aria-labelledby={`${id}--${service}`}
                      onClick={() => toggleService(`${name}.${service}`)}
                    />
                  )}
                </div>
                {details.description && <p>{pick(details.description)}</p>}
                <CookieTable cookies={details.cookies ?? []} columns={columns} texts={texts} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  )
}
