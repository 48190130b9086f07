import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import schema from '../config/journeykit.schema.json'
import { validateConfig } from '../validate/validate.js'
import { toSchema } from './schema.js'
import type { Config, Consent, Item, Journey, PushAction, Rule, Segment, Step, Trigger } from '../config/types.js'

const keysOf = (node: { properties?: object }) => Object.keys(node.properties ?? {}).sort()

/** The JSON Schema (for editors) is generated from the description the validator walks (shape.ts). */
describe('journeykit.schema.json', () => {
  it('is the one generated from validate/shape.ts (run `node scripts/schema.mjs` after changing it)', () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(toSchema())))
  })

  it('every example config in the repo is valid', () => {
    const files = ['examples/store/journeykit.json']
    if (existsSync('examples/configs')) {
      for (const name of readdirSync('examples/configs').filter((n) => n.endsWith('.json'))) files.push(`examples/configs/${name}`)
    }
    for (const file of files) {
      expect(validateConfig(JSON.parse(readFileSync(file, 'utf8'))), file).toEqual({ problems: [], warnings: [] })
    }
  })
})

/**
 * The TypeScript types are the third description of the shape: each list below must name
 * every key of its type (the compiler checks that), and the schema must name the same keys.
 */
const configKeys = {
  $schema: 1,
  $sealed: 1,
  $comment: 1,
  version: 1,
  collector: 1,
  push: 1,
  privacy: 1,
  limits: 1,
  visitTimeout: 1,
  stages: 1,
  items: 1,
  rules: 1,
  segments: 1,
  journeys: 1,
  theme: 1,
} satisfies Record<keyof Config, 1>
const itemKeys = {
  kind: 1,
  style: 1,
  title: 1,
  body: 1,
  code: 1,
  cta: 1,
  form: 1,
  asset: 1,
  gate: 1,
  dismissLabel: 1,
  image: 1,
  countdown: 1,
  position: 1,
  $comment: 1,
} satisfies Record<keyof Item, 1>
const formKeys = { name: 1, consent: 1, submitLabel: 1, successMessage: 1 } satisfies Record<keyof NonNullable<Item['form']>, 1>
const consentKeys = { text: 1, required: 1 } satisfies Record<keyof Consent, 1>
const ruleKeys = {
  id: 1,
  on: 1,
  percent: 1,
  seconds: 1,
  selector: 1,
  if: 1,
  show: 1,
  track: 1,
  set: 1,
  push: 1,
  frequency: 1,
  schedule: 1,
  delay: 1,
  variants: 1,
  stage: 1,
  priority: 1,
  $comment: 1,
} satisfies Record<keyof Rule, 1>

const triggerKeys = { on: 1, percent: 1, seconds: 1, selector: 1, if: 1 } satisfies Record<keyof Trigger, 1>
const segmentKeys = { if: 1, $comment: 1 } satisfies Record<keyof Segment, 1>
const journeyKeys = {
  entry: 1,
  exit: 1,
  goal: 1,
  reentry: 1,
  holdout: 1,
  schedule: 1,
  steps: 1,
  $comment: 1,
} satisfies Record<keyof Journey, 1>
const stepKeys = {
  id: 1,
  ...triggerKeys,
  within: 1,
  else: 1,
  show: 1,
  track: 1,
  set: 1,
  wait: 1,
  split: 1,
  branch: 1,
  exit: 1,
  push: 1,
  goto: 1,
  $comment: 1,
} satisfies Record<keyof Step, 1>
const pushKeys = {
  title: 1,
  body: 1,
  icon: 1,
  image: 1,
  badge: 1,
  tag: 1,
  url: 1,
  actions: 1,
  requireInteraction: 1,
  after: 1,
  cancelOn: 1,
} satisfies Record<keyof PushAction, 1>

describe('the TypeScript types', () => {
  it.each([
    ['Config', configKeys, schema],
    ['Item', itemKeys, schema.definitions.item],
    ['Item.form', formKeys, schema.definitions.item.properties.form],
    ['Consent', consentKeys, schema.definitions.item.properties.form.properties.consent.oneOf[1]],
    ['Rule', ruleKeys, schema.definitions.rule],
    // `$comment` is welcome anywhere; the types name it where a store owner is likely to write one
    ['Trigger', { ...triggerKeys, $comment: 1 }, schema.definitions.trigger],
    ['Segment', segmentKeys, schema.definitions.segment],
    ['Journey', journeyKeys, schema.definitions.journey],
    ['Step', stepKeys, schema.definitions.step],
    ['PushAction', pushKeys, schema.definitions.pushAction],
  ])('%s has the keys the schema lists', (_name, keys, node) => {
    expect(Object.keys(keys).sort()).toEqual(keysOf(node as { properties?: object }))
  })
})
