import { ConsentryError } from './errors'
import { hasOwn } from './own'

// The document properties that Consentry, Preact and js-cookie read. An element with a name (img,
// form, embed, object, iframe) shows on the document under that name and hides the property:
// with <img name="cookie"> on the page, `document.cookie` is that image.
const NEEDED = [
  'cookie',
  'defaultView',
  'URL',
  'baseURI',
  'readyState',
  'body',
  'documentElement',
  'createElement',
  'createElementNS',
  'createTextNode',
  'createDocumentFragment',
  'importNode',
  'querySelector',
  'querySelectorAll',
  'addEventListener',
  'removeEventListener',
]

/** The markup of what hides `name`: an element, the first of several, or a frame's window. */
const markupOf = (value: object, name: string) => {
  const first = 'nodeType' in value ? value : (value as HTMLCollection)[0]
  const tag = first && 'localName' in first ? (first as Element).localName : 'iframe'
  return `<${tag} name="${name}">`
}

/**
 * Throw when an element of the page hides a document property Consentry needs. Such a page
 * breaks js-cookie and Preact, which read the document directly: Consentry does not start there
 * (nothing gated runs, no banner shows) and says which element to rename. A script that wraps a
 * document method (a function) or the cookie (a string) is no element, and is left alone.
 */
export const assertDocumentUsable = (doc: Document) => {
  for (const name of NEEDED) {
    if (!hasOwn(doc, name)) continue
    const value = (doc as unknown as Record<string, unknown>)[name]
    if (!value || typeof value != 'object') continue
    throw new ConsentryError(
      `consentry: document.${name}: hidden by ${markupOf(value, name)}; rename it (until then Consentry does not start)`,
    )
  }
}
