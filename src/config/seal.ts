import { library } from '../transport/envelope.js'

/**
 * A config checked at publish time (`npx journeykit build`) carries `"$sealed"`: a hash of its
 * content mixed with the version of the validator that checked it. A page whose config still
 * matches its seal skips the validator, which then never downloads (config/accept.ts).
 *
 * What skipping it leaves in place (contract §7): CTA, asset and image URLs are checked again
 * when an item renders (ui/item-view.tsx, lib/url.ts), text is rendered as text by Preact,
 * and `$regex` runs on the linear engine, whose parser refuses what it does not run (a refused
 * pattern matches nothing: rules/regex.ts).
 *
 * FNV-1a over a canonical form (keys sorted at every level): it catches a config edited after
 * the build (a typo fixed by hand, a merge, a deploy of the wrong file), not an attacker.
 * Whoever can edit the config can seal it too and is trusted the same. Another validator
 * version (any other journeykit release) treats the seal as absent: the walk runs in full.
 */
export const sealKey = '$sealed'

/**
 * The seal of `config` (its `$sealed` left out) for validator `version`.
 *
 * @example sealOf({ version: 1 }) // "0.1.0:6f349daf-j" (version:hash-length)
 */
export function sealOf(config: Record<string, unknown>, version: string = library.version): string {
  const { [sealKey]: _seal, ...content } = config
  const text = `${version}\n${canonicalJson(content)}`
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return `${version}:${(hash >>> 0).toString(16).padStart(8, '0')}-${text.length.toString(36)}`
}

/** Whether `data` is a config object carrying the seal of its content for this validator. */
export function isSealed(data: unknown, version?: string): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false
  const seal = (data as Record<string, unknown>)[sealKey]
  try {
    return typeof seal === 'string' && seal === sealOf(data as Record<string, unknown>, version)
  } catch {
    return false // nested too deep for the stack: the validator refuses it
  }
}

/**
 * JSON with every object's keys in sorted order: the same text whatever order they were written
 * in. Like JSON.stringify, keys whose value is undefined are left out (an object config given to
 * `init()` seals as its JSON file does).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>
    return `{${Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
