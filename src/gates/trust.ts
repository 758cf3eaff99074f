/** Options of the DOM gates that create scripts: {@link scripts} and {@link templates}. */
export interface ScriptGateOptions {
  /**
   * The page's Content Security Policy nonce. When set, a gated script, or a script inside a
   * gated template, runs only if it carries this nonce: markup injected into the page cannot
   * become script through Consentry. The script tag takes the nonce of its own `<script>`.
   */
  nonce?: string | undefined
}

interface ScriptPolicy {
  createScript(text: string): string
  createScriptURL(url: string): string
}
type TrustedTypesWindow = Window & {
  trustedTypes?: { createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy }
}

const passThrough: ScriptPolicy = { createScript: (text) => text, createScriptURL: (url) => url }

// A document may create a policy name only once (unless its CSP says allow-duplicates), so every
// instance in a window shares the one policy; that is why this cache lives at module level.
const policies = new WeakMap<Window, ScriptPolicy>()

/**
 * The `consentry` Trusted Types policy of a window, created on first use: a page that enforces
 * `require-trusted-types-for 'script'` lists it in `trusted-types`. The policy itself passes any
 * string through; what keeps it safe is that only the gates hold it (this module exports it to
 * them alone), and they call it only for scripts already granted and, where the page has a nonce,
 * carrying it.
 */
export const scriptPolicy = (win: Window): ScriptPolicy => {
  let policy = policies.get(win)
  if (policy) return policy
  policy = passThrough
  const factory = (win as TrustedTypesWindow).trustedTypes
  try {
    if (factory) policy = factory.createPolicy('consentry', passThrough)
  } catch {
    // The page's `trusted-types` list does not name consentry: plain strings, which work
    // wherever Trusted Types are not required.
  }
  policies.set(win, policy)
  return policy
}

/** An attribute that holds code: an event handler. */
const isHandler = (name: string) => name.startsWith('on')

/**
 * Copy an attribute onto an element the gates create, code and script URLs through the window's
 * policy: a page that requires Trusted Types refuses plain strings there.
 */
export const copyAttribute = (element: Element, name: string, value: string, policy: ScriptPolicy) => {
  if (element.localName == 'script' && name == 'src') element.setAttribute(name, policy.createScriptURL(value))
  else if (isHandler(name)) element.setAttribute(name, policy.createScript(value))
  else element.setAttribute(name, value)
}

/**
 * A real script in `doc` with the attributes, nonce and text of `source`, through the window's
 * policy. `type` takes the place of the type attribute: a gated script's `data-type`, or the type
 * a script in a template was written with.
 */
export const copyScript = (source: HTMLScriptElement, doc: Document, type: string | null) => {
  const policy = scriptPolicy(doc.defaultView!)
  const script = doc.createElement('script')
  for (const { name, value } of source.attributes) {
    if (name != 'type') copyAttribute(script, name, value, policy)
  }
  if (type) script.type = type
  // The nonce attribute reads "" once parsed under a CSP header; the property keeps the value.
  script.nonce = source.nonce
  script.text = policy.createScript(source.text)
  return script
}

/** Whether a script may run under the page's nonce rule. */
export const carriesNonce = (script: HTMLOrSVGScriptElement, nonce: string | undefined) =>
  !nonce || script.nonce === nonce
