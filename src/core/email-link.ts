/** Whether a URL is a "Manage preferences" link of a marketing email: `#consent-preferences` or `?consent=preferences`. */
export const isEmailLink = (url: string) => /[#?&]consent[-=]preferences/.test(url)
