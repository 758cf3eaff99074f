// crypto.randomUUID exists only in secure contexts; getRandomValues works on http pages too.
/** A random version 4 UUID. */
export const uuid = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 15) | 64
  bytes[8] = (bytes[8]! & 63) | 128
  return Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1))
    .join('')
    .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
}
