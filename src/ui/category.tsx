import type { CategoryInput, CookieInput } from '../core/types'
import type { Texts } from '../i18n/texts'

interface Props {
  name: string
  category: CategoryInput
  granted: boolean
  toggle: () => void
  texts: Texts
}

const cookieName = (cookie: CookieInput) => (typeof cookie == 'string' ? cookie : cookie.name)

/** One category of the preferences: a switch labelled by its title, and its services and cookies. */
export const CategoryRow = ({ name, category, granted, toggle, texts: { t, pick } }: Props) => {
  const id = `consentry-${name}`
  const services = Object.entries(category.services ?? {})
  const builtIn = t(`${name}.text`)
  const description = pick(category.description) ?? (builtIn == `${name}.text` ? undefined : builtIn)
  return (
    <li class="category">
      <div class="row">
        <h3 id={id}>{pick(category.title) ?? t(name)}</h3>
        {category.required ? (
          <span class="always">{t('alwaysOn')}</span>
        ) : (
          <button type="button" role="switch" class="switch" aria-checked={granted} aria-labelledby={id} onClick={toggle} />
        )}
      </div>
      {description && <p>{description}</p>}
      {services.length > 0 && (
        <details>
          <summary>{t('details')}</summary>
          <ul>
            {services.map(([key, service]) => (
              <li key={key}>
                <strong>{pick(service.title) ?? key}</strong>
                {service.description && <p>{pick(service.description)}</p>}
                {(service.cookies?.length ?? 0) > 0 && (
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('cookie')}</th>
                        <th scope="col">{t('purpose')}</th>
                        <th scope="col">{t('duration')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {service.cookies!.map((cookie) => (
                        <tr key={cookieName(cookie)}>
                          <td>
                            <code>{cookieName(cookie)}</code>
                          </td>
                          <td>{typeof cookie == 'string' ? '' : pick(cookie.purpose)}</td>
                          <td>{typeof cookie == 'string' ? '' : pick(cookie.duration)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  )
}
