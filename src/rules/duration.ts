const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }
const pattern = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/

/** `"3s"` → 3000, `"7d"` → 604800000; null when it is not a duration. */
export function parseDuration(value: unknown): number | null {
  if (typeof value !== 'string') return null
  const match = pattern.exec(value.trim())
  if (!match) return null
  return Number(match[1]) * units[match[2]!]!
}
