/** A random RFC 4122 v4 id; `crypto.randomUUID` needs a secure context, so fall back. */
export function uuid(): string {
  try {
    return crypto.randomUUID()
  } catch {
    // insecure context (plain http on a LAN address): the same layout from getRandomValues.
    // Each digit of the template is XORed with random bits: 0 and 1 take 4 (any hex digit),
    // 8 takes 2 (the variant, 8 to b), 4 stays (the version).
    return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
      (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+digit / 4)))).toString(16),
    )
  }
}
