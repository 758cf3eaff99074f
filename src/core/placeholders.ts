/** The gated embeds that show a placeholder until they are allowed. */
export const PLACEHOLDER_TARGETS = 'iframe[data-consent][data-src], template[data-consent]'

/** Whether a gated embed opted out of its placeholder with `data-consent-placeholder="off"`. */
export const placeholderOff = (element: Element) => element.getAttribute('data-consent-placeholder') == 'off'
