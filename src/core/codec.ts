/** A decision as the cookie stores it; independent of any config. */
export interface StoredConsent {
  revision: number
  id: string
  /** Milliseconds since the epoch. */
  updatedAt: number
  /** Granted categories (true), and services whose grant differs from their category's. */
  choice: Record<string, boolean>
  /** Checksum of the config text the script tag validated; empty where none was given. */
  fingerprint: string
}

// Format 1: 1|revision|id|time36|granted+!denied names|fingerprint|checksum
// Every character here survives js-cookie's encoding unescaped, which keeps the cookie short.
const UUID = /^[\da-f-]{36}$/

/**
 * FNV-1a, in base 36. Not a signature (a script on the page could forge any cookie), but it
 * turns truncated, hand-edited or foreign values into "no decision", and fingerprints configs.
 */
export const checksum = (text: string) => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; ) hash = Math.imul(hash ^ text.charCodeAt(i++), 0x1000193)
  return (hash >>> 0).toString(36)
}

/** Encode a decision as a cookie value. */
export const encode = ({ revision, id, updatedAt, choice, fingerprint }: StoredConsent): string => {
  const names = Object.keys(choice).map((name) => (choice[name] ? name : '!' + name))
  const body = `1|${revision}|${id}|${updatedAt.toString(36)}|${names.join('+')}|${fingerprint}`
  return body + '|' + checksum(body)
}

/**
 * Decode a cookie value; anything malformed, foreign or tampered with gives `undefined`.
 * Names are not checked here: those not in the config are ignored when the state is restored.
 */
export const decode = (value: string | undefined): StoredConsent | undefined => {
  const fields = value?.split('|') ?? []
  const [format, revision, id = '', time = '', names, fingerprint = '', sum] = fields
  if (fields.length == 7 && format == '1' && sum == checksum(fields.slice(0, 6).join('|')) && UUID.test(id))
    return {
      revision: +revision!,
      id,
      updatedAt: parseInt(time, 36),
      choice: Object.fromEntries(names ? names.split('+').map((name) => [name.replace('!', ''), name[0] != '!']) : []),
      fingerprint,
    }
}
