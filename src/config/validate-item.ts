import { messages } from './messages.js'
import { isPlainObject } from './query.js'
import { safeImageUrl, safeUrl } from '../lib/url.js'

/** Where a check reports: a problem (refuses the config) or an unknown key (a warning). */
export interface Reporter {
  fail(path: string, message: string): void
  unknownKeys(value: Record<string, unknown>, path: string, allowed: string[]): void
}

export const itemKeys = ['$comment', 'kind', 'style', 'title', 'body', 'code', 'cta', 'form', 'asset', 'gate', 'dismissLabel', 'image', 'countdown', 'position']
const kinds = ['focus', 'asset', 'push']
const styles = ['modal', 'bar', 'slidein', 'notification']
// A relative URL is checked against a neutral base: only its scheme matters here.
const neutralBase = 'https://journeykit.invalid/'

/** Checks one item (contract §4, §6): kind, style, text fields, and every URL's scheme. */
export function validateItem(item: unknown, path: string, { fail, unknownKeys }: Reporter): void {
  if (!isPlainObject(item)) return fail(path, messages.notObject)
  unknownKeys(item, path, itemKeys)
  if (!kinds.includes(item.kind as string)) fail(`${path}.kind`, messages.kind)
  if (!styles.includes(item.style as string)) fail(`${path}.style`, messages.style)
  if (typeof item.title !== 'string') fail(`${path}.title`, messages.required)
  for (const key of ['body', 'code', 'dismissLabel'] as const) {
    if (item[key] !== undefined && typeof item[key] !== 'string') fail(`${path}.${key}`, messages.notString)
  }
  if (item.cta !== undefined) {
    if (!isPlainObject(item.cta)) fail(`${path}.cta`, messages.notObject)
    else {
      if (typeof item.cta.label !== 'string') fail(`${path}.cta.label`, messages.notString)
      if (!safeUrl(item.cta.url, neutralBase)) fail(`${path}.cta.url`, messages.badUrl)
    }
  }
  if (item.kind === 'asset' || item.asset !== undefined) {
    if (!isPlainObject(item.asset)) fail(`${path}.asset`, messages.required)
    else if (!safeUrl(item.asset.url, neutralBase)) fail(`${path}.asset.url`, messages.badUrl)
  }
  if (item.gate !== undefined && item.gate !== 'none' && item.gate !== 'email') fail(`${path}.gate`, messages.gate)
  if (item.form !== undefined) {
    if (!isPlainObject(item.form)) fail(`${path}.form`, messages.notObject)
    else {
      unknownKeys(item.form, `${path}.form`, ['name', 'consent', 'submitLabel', 'successMessage'])
      if (item.form.name !== undefined && typeof item.form.name !== 'boolean') fail(`${path}.form.name`, messages.notBoolean)
      for (const key of ['consent', 'submitLabel', 'successMessage'] as const) {
        if (item.form[key] !== undefined && typeof item.form[key] !== 'string') fail(`${path}.form.${key}`, messages.notString)
      }
    }
  }
  if (item.image !== undefined) {
    if (!isPlainObject(item.image)) fail(`${path}.image`, messages.notObject)
    else {
      if (!safeImageUrl(item.image.url, neutralBase)) fail(`${path}.image.url`, messages.badImage)
      if (typeof item.image.alt !== 'string') fail(`${path}.image.alt`, messages.required)
    }
  }
  if (item.countdown !== undefined && !(typeof item.countdown === 'string' && !Number.isNaN(Date.parse(item.countdown)))) {
    fail(`${path}.countdown`, messages.date)
  }
  if (item.position !== undefined && !['top', 'bottom', 'bottom-right', 'bottom-left'].includes(item.position as string)) {
    fail(`${path}.position`, messages.position)
  }
}
