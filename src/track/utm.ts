export type Utm = Partial<Record<'source' | 'medium' | 'campaign' | 'term' | 'content', string>>

const fields = ['source', 'medium', 'campaign', 'term', 'content'] as const

/** `utm_*` parameters of a URL, at most 256 characters each. */
export function readUtm(url: string): Utm {
  const utm: Utm = {}
  try {
    const params = new URL(url).searchParams
    for (const field of fields) {
      const value = params.get(`utm_${field}`)
      if (value) utm[field] = value.slice(0, 256)
    }
  } catch {
    // no utm from an unparsable URL
  }
  return utm
}
