// crypto.randomUUID exists only in secure contexts; getRandomValues works on http pages too.
/** A random version 4 UUID. */
export const uuid = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  // The version (4: random) and the variant (binary 10) bits, as RFC 9562 places them.
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
