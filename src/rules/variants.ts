import type { Rule, Variant } from '../config/types.js'

/**
 * FNV-1a, 32 bits, then MurmurHash3's final mix: the same visitor and rule give the same
 * number in [0, 1). Without the mix, ids differing in their last character ("r1", "r2")
 * differ only in low bits and would land in the same variant.
 */
export function hashToUnit(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return (hash >>> 0) / 2 ** 32
}

/** The visitor's variant of a rule: weighted, and sticky (a hash of visitor id and rule id). */
export function pickVariant(variants: Variant[], visitorId: string, ruleId: string): { index: number; variant: Variant } {
  const total = variants.reduce((sum, variant) => sum + variant.weight, 0)
  let point = hashToUnit(`${visitorId}:${ruleId}`) * total
  for (let index = 0; index < variants.length; index++) {
    point -= variants[index]!.weight
    if (point < 0) return { index, variant: variants[index]! }
  }
  return { index: variants.length - 1, variant: variants[variants.length - 1]! }
}

/** The name a variant is reported under: its `id`, else its position. */
export const variantName = (variant: Variant, index: number): string => variant.id ?? String(index)

/** What the visitor's variant of a rule with `variants` shows, and the name it is reported under. */
export function variantOf(rule: Rule, visitorId: string): { show: string | undefined; name: string } {
  const { variant, index } = pickVariant(rule.variants!, visitorId, rule.id)
  return { show: variant.show, name: variantName(variant, index) }
}

/** The `variant.<rule>` facts: each rule with variants, named by the visitor's variant. */
export function variantNames(rules: Rule[], visitorId: string): Record<string, string> {
  const names: Record<string, string> = {}
  for (const rule of rules) if (rule.variants) names[rule.id] = variantOf(rule, visitorId).name
  return names
}
