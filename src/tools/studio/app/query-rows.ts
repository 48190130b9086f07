/**
 * The condition builder's model: a query of contract §4 as rows of (fact, operator, value), all
 * ANDed, and back. It writes what a person would: a bare value for `$eq`, one operator object per
 * fact (`{"visit.count": {"$gte": 2, "$lt": 5}}` for two rows on one fact). A query the rows cannot
 * say (`$or`, `$not`, `$and`, `$regex`, a fact twice with one operator) is `null`: the builder
 * leaves it to the JSON field.
 */
import { facts } from '../../../validate/query.js'

export type Operator = '$eq' | '$ne' | '$gt' | '$gte' | '$lt' | '$lte' | '$startsWith' | '$contains' | '$in' | '$nin' | '$exists'

export interface Row {
  fact: string
  op: Operator
  value: unknown
}

/** Each operator the builder offers, with the words a store owner reads and what its value is. */
export const operators: ReadonlyArray<{ op: Operator; label: string; value: 'any' | 'number' | 'text' | 'list' | 'boolean' }> = [
  { op: '$eq', label: 'is', value: 'any' },
  { op: '$ne', label: 'is not', value: 'any' },
  { op: '$gt', label: 'is more than', value: 'number' },
  { op: '$gte', label: 'is at least', value: 'number' },
  { op: '$lt', label: 'is less than', value: 'number' },
  { op: '$lte', label: 'is at most', value: 'number' },
  { op: '$startsWith', label: 'starts with', value: 'text' },
  { op: '$contains', label: 'contains', value: 'text' },
  { op: '$in', label: 'is one of', value: 'list' },
  { op: '$nin', label: 'is none of', value: 'list' },
  { op: '$exists', label: 'is set', value: 'boolean' },
]

const known = new Set<string>(operators.map((entry) => entry.op))

/**
 * The facts to pick from: the validator's list, an open namespace shown with a name to fill in
 * (`user.traits.<name>`), and the ones it checks against the config's ids.
 */
export const factChoices: readonly string[] = [
  ...facts.map((fact) => (fact.endsWith('.') ? `${fact}<name>` : fact)),
  'events.<name>.<window>',
  'item.<id>.shown',
  'segment.<id>',
]

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The rows of a query, or null when the rows cannot show it. No query: no rows. */
export function rowsOf(query: unknown): Row[] | null {
  if (query === undefined) return []
  if (!isObject(query)) return null
  const rows: Row[] = []
  for (const [fact, condition] of Object.entries(query)) {
    if (fact.startsWith('$')) return null
    const keys = isObject(condition) ? Object.keys(condition) : []
    if (!keys.length || !keys.every((key) => key.startsWith('$'))) {
      rows.push({ fact, op: '$eq', value: condition })
      continue
    }
    for (const op of keys) {
      if (!known.has(op)) return null
      rows.push({ fact, op: op as Operator, value: (condition as Record<string, unknown>)[op] })
    }
  }
  return rows
}

/** The query the rows say (undefined for none); null when two rows give one fact the same operator. */
export function queryOf(rows: readonly Row[]): Record<string, unknown> | undefined | null {
  if (!rows.length) return undefined
  const byFact = new Map<string, Row[]>()
  for (const row of rows) byFact.set(row.fact, [...(byFact.get(row.fact) ?? []), row])
  const query: Record<string, unknown> = {}
  for (const [fact, group] of byFact) {
    const only = group[0]!
    // a bare value is $eq, unless the value is itself an object of operators (then it must be spelled)
    if (group.length === 1 && only.op === '$eq' && !isObject(only.value)) {
      query[fact] = only.value
      continue
    }
    const condition: Record<string, unknown> = {}
    for (const row of group) {
      if (Object.hasOwn(condition, row.op)) return null
      condition[row.op] = row.value
    }
    query[fact] = condition
  }
  return query
}

/**
 * What the owner typed, as the value the operator takes: a number for the number operators, a
 * list (comma-separated) for $in/$nin, true/false for $exists; for is / is not, a number when it
 * reads as one and true/false, else the text.
 */
export function parseValue(op: Operator, text: string): unknown {
  const kind = operators.find((entry) => entry.op === op)?.value ?? 'any'
  const trimmed = text.trim()
  if (kind === 'text') return text
  if (kind === 'boolean') return trimmed !== 'false'
  if (kind === 'number') return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed // text: the validator says it needs a number
  if (kind === 'list') return trimmed === '' ? [] : trimmed.split(',').map((part) => scalar(part.trim()))
  return scalar(trimmed)
}

/** "2" is 2, "true" is true; "02" stays text (a zip code), as a number would not say it back. */
const scalar = (text: string): unknown =>
  text === 'true' ? true : text === 'false' ? false : text !== '' && String(Number(text)) === text ? Number(text) : text

/** A value as the owner typed it back: the inverse of parseValue for what it makes. */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map((part) => String(part)).join(', ')
  if (value === undefined || value === null) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}
