/** A random RFC 4122 v4 id; `crypto.randomUUID` needs a secure context, so fall back. */
export function uuid(): string {
  try {
    return crypto.randomUUID()
  } catch {
    // insecure context (plain http on a LAN address): the same layout from getRandomValues
    const bytes = crypto.getRandomValues(new Uint8Array(16))
    bytes[6] = (bytes[6]! & 0x0f) | 0x40
    bytes[8] = (bytes[8]! & 0x3f) | 0x80
    const hex = Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('')
    return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
  }
}
