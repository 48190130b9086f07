import type { Shape } from './shape.js'
import type { Finding } from './messages.js'
import { checks, formats, type Context } from './checks.js'
import { nearName } from './near-name.js'

/**
 * Checks `value` against its description (validate/shape.ts), appending one problem per thing
 * wrong, with its JSON path, to `context`; unknown keys of objects that say `warnUnknown` are
 * warnings, unless within a typo of a key known there (validate/near-name.ts): those are problems.
 * "$comment", JSON Schema's note for humans, is welcome anywhere.
 */
export function walk(value: unknown, shape: Shape, path: string, context: Context): void {
  const fail = (finding = findingOf(shape)) => void context.problems.push({ path, value, ...finding })
  if (shape.oneOf) {
    const match = shape.oneOf.find((alternative) => typeOfShape(alternative) === jsonTypeOf(value))
    return match ? walk(value, match, path, context) : fail()
  }
  if (shape.enum) return void (shape.enum.includes(value) || fail())
  if (shape.format) return void (formats[shape.format][0](value) || fail())
  if (jsonTypeOf(value) !== typeOfShape(shape)) return fail()
  if (typeof value === 'string') return void (!shape.pattern || new RegExp(shape.pattern).test(value) || fail())
  if (typeof value === 'number') {
    const { min = -Infinity, max = Infinity, above = -Infinity } = shape
    return void (((shape.type === 'number' || Number.isInteger(value)) && value >= min && value <= max && value > above) || fail())
  }
  if (Array.isArray(value)) {
    if (value.length < (shape.minItems ?? 0)) return fail()
    if (value.length > (shape.maxItems ?? Infinity)) return fail({ code: 'tooMany', value: undefined })
    return value.forEach((entry, i) => walk(entry, shape.items!, `${path}[${i}]`, context))
  }
  walkObject(value as Record<string, unknown>, shape, path, context)
}

function walkObject(object: Record<string, unknown>, shape: Shape, path: string, context: Context): void {
  const at = (key: string) => (path ? `${path}.${key}` : key)
  const { props = {}, keys, values } = shape
  if (shape.warnUnknown) {
    for (const key of Object.keys(object)) {
      if (!Object.prototype.hasOwnProperty.call(props, key) && key !== '$comment') {
        // A typo of a key known here would be ignored in silence (a pop-up with no cap): refused.
        const near = nearName(key, Object.keys(props))
        if (near) context.problems.push({ path: at(key), code: 'misspeltKey', value: key, near })
        else context.warnings.push({ path: at(key), code: 'unknownKey' })
      }
    }
  }
  for (const [key, child] of Object.entries(props)) {
    const value = object[key]
    const when = shape.requiredWhen?.[key]
    if (child.check) void ((child.optional && value === undefined) || checks[child.check](object, path, context))
    else if (value !== undefined || shape.required?.includes(key) || (when && object[when[0]] === when[1])) walk(value, child, at(key), context)
  }
  if (!values) return
  const entries = Object.entries(object)
  if (entries.length > (shape.maxEntries ?? Infinity)) return void context.problems.push({ path, code: 'tooMany' })
  for (const [key, value] of entries) {
    if (keys && !keys.enum?.includes(key)) context.problems.push({ path: at(key), value: key, ...findingOf(keys) })
    else walk(value, values, at(key), context)
  }
}

/** What a node says when it fails: its own message, its format's, its enum's list, or its type's. */
function findingOf(shape: Shape): Omit<Finding, 'path'> {
  if (shape.message) return { code: shape.message }
  if (shape.format) return { code: formats[shape.format][1] }
  if (shape.enum) return { code: 'oneOf', after: shape.enum.join(', ') }
  return { code: ({ object: 'notObject', array: 'notArray', string: 'notString', boolean: 'notBoolean' } as const)[shape.type as 'object'] ?? 'notNumber' }
}

function jsonTypeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value
}

function typeOfShape(shape: Shape): string | undefined {
  return shape.enum ? typeof shape.enum[0] : shape.type === 'integer' ? 'number' : shape.type
}
