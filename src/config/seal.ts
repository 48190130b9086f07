import { library } from '../delivery/envelope.js'

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
 * FNV-1a over the config's JSON.stringify (the seal left out): the browser's own serialiser,
 * so the page carries no canonical walk of its own. The file `build` writes, read back by
 * JSON.parse, an object imported from it, or the same file reformatted, all give that text;
 * a config whose keys were reordered by hand does not, and is checked in full as an edited one
 * is. The seal catches a config edited after the build (a typo fixed by hand, a merge, a deploy
 * of the wrong file), not an attacker: whoever can edit the config can seal it too and is
 * trusted the same. Another validator version (any other journeykit release) treats the seal
 * as absent: the walk runs in full.
 */
export const sealKey = '$sealed'

/**
 * The seal of `config` (its `$sealed` left out) for validator `version`: version:hash-length.
 *
 * @example sealOf({ version: 1 }) // "0.1.0:6f349daf-j"
 */
export function sealOf(config: Record<string, unknown>, version: string = library.version): string {
  // Where the seal stands does not matter: JSON leaves an undefined value out.
  const text = `${version}\n${JSON.stringify({ ...config, [sealKey]: undefined })}`
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return `${version}:${(hash >>> 0).toString(16)}-${text.length.toString(36)}`
}

/** Whether `data` is a config object carrying the seal of its content for this validator. */
export function isSealed(data: unknown, version?: string): boolean {
  const seal = (data as Record<string, unknown> | null | undefined)?.[sealKey]
  try {
    return typeof seal === 'string' && seal === sealOf(data as Record<string, unknown>, version)
  } catch {
    return false // nested too deep for the stack, or not JSON at all: the validator says why
  }
}
