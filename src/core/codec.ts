/** A decision as the cookie stores it; independent of any config. */
export interface StoredConsent {
  revision: number
  id: string
  /** Milliseconds since the epoch. */
  updatedAt: number
  /** Granted categories. */
  granted: string[]
  /** Services whose grant differs from their category's: `category.service` to granted or not. */
  services: Record<string, boolean>
}

// Format 1: 1|revision|id|time36|granted+categories|service+!denied-service|checksum
// Every character here survives js-cookie's encoding unescaped, which keeps the cookie short.
const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/

// FNV-1a: not a signature (a script on the page could forge any cookie), but it turns
// truncated, hand-edited or foreign values into "no decision".
export const checksum = (text: string) => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; ) hash = Math.imul(hash ^ text.charCodeAt(i++), 0x1000193)
  return (hash >>> 0).toString(36)
}

/** Encode a decision as a cookie value. */
export const encode = ({ revision, id, updatedAt, granted, services }: StoredConsent): string => {
  const body = `1|${revision}|${id}|${updatedAt.toString(36)}|${granted.join('+')}|${Object.keys(services)
    .map((key) => (services[key] ? key : '!' + key))
    .join('+')}`
  return body + '|' + checksum(body)
}

/**
 * Decode a cookie value; anything malformed, foreign or tampered with gives `undefined`.
 * Names are not checked here: those not in the config are ignored when the state is restored.
 */
export const decode = (value: string | undefined): StoredConsent | undefined => {
  const fields = value?.split('|') ?? []
  const [format, revision, id = '', time = '', granted, services, sum] = fields
  const list = (names = '') => (names ? names.split('+') : [])
  if (fields.length == 7 && format == '1' && sum == checksum(fields.slice(0, 6).join('|')) && UUID.test(id))
    return {
      revision: +revision!,
      id,
      updatedAt: parseInt(time, 36),
      granted: list(granted),
      services: Object.fromEntries(list(services).map((key) => (key[0] == '!' ? [key.slice(1), false] : [key, true]))),
    }
}
