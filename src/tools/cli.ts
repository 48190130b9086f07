/**
 * `npx journeykit validate journeykit.json`, `npx journeykit build journeykit.json [-o out.json]`,
 * `npx journeykit preview journeykit.json` (the gallery server, src/tools/gallery/server.ts, started by
 * bin/journeykit.mjs), `npx journeykit studio [journeykit.json]` (the studio's server,
 * src/tools/studio/server.ts, started by bin/journeykit.mjs too),
 * `npx journeykit explain journeykit.json --on exit_intent --fact page.path=/cart --fact visit.count=3` and
 * `npx journeykit explain --journey cart-rescue journeykit.json --timeline timeline.json`,
 * `npx journeykit explain journeykit.json --timeline timeline.json` (every rule and journey at once) and
 * `npx journeykit map journeykit.json [--journey cart-rescue] [-o map.svg]`,
 * `npx journeykit init [journeykit.json] [--template empty|shop]` and `npx journeykit help`.
 * Pure of the process: takes the arguments, a file reader and writers, returns the exit code and text.
 */
import type { Config, Problem } from '../config/types.js'
import type { Facts } from '../rules/facts.js'
import { validateConfig } from '../validate/validate.js'
import { explainRules, parseFacts } from './explain/rules.js'
import { explainJourney } from './explain/journey.js'
import { explainSite } from './explain-site/explain.js'
import { unseenCounts } from './explain-site/late-counts.js'
import { mergeFacts } from './explain/timeline.js'
import { findRegexRefusals } from '../rules/regex.js'
import { messages, regexMessages } from '../validate/messages.js'
import { isSealed, sealKey, sealOf } from '../config/seal.js'
import { renderMap } from './map/render.js'
import { templates } from './templates.js'
import { jsonSyntaxError } from './json-error.js'
import { siteFiles } from './site/build.js'

export interface CliResult {
  code: number
  output: string
}

const usage = `usage:
  journeykit validate <journeykit.json>
  journeykit build <journeykit.json> [-o <out.json>] [--allow-warnings]
  journeykit build <journeykit.json> --site <dir> [--allow-warnings]
  journeykit preview <journeykit.json> [--port N]
  journeykit studio [<journeykit.json>] [--port N] [--site <url>] [--collector <url>]
  journeykit explain <journeykit.json> --on <trigger> [--fact name=value]… [--at <ISO time>]
  journeykit explain <journeykit.json> --timeline <timeline.json> [--facts <facts.json>] [--fact name=value]…
                     [--at <ISO time>] [--visitor <id>] [--timezone <IANA zone>] [--subscribed]
  journeykit explain --journey <id> <journeykit.json> [--timeline <timeline.json>] [--facts <facts.json>]
                     [--fact name=value]… [--at <ISO time>] [--on <trigger>] [--visitor <id>]
                     [--timezone <IANA zone>] [--subscribed]
  journeykit map <journeykit.json> [--journey <id>] [-o <map.svg>]
  journeykit init [<journeykit.json>] [--template empty|shop]
  journeykit help

Exit codes: 0 done, 1 the config is refused (or a file cannot be read or written), 2 usage.

init writes a starter config to journeykit.json (or the file named), never over an existing
file: --template empty (the default) has a collector address to replace and nothing else;
--template shop has the owners' quick start (docs/owners.md) in one file: a welcome pop-up, a
Thursday cart exit offer, an email-gated sizing guide, a cart-rescue journey, a push after the
visitor leaves, and the rules that turn a button and a page into add_to_cart and order_completed.

preview serves a gallery of every item of the config, in each style, at desktop and phone
widths, light and dark, with the config's problems; it redraws when the file changes.

studio opens the file (journeykit.json by default; a missing one is created at the first save) in
the studio, a local web app to build journeys on a canvas. It prints an address on 127.0.0.1
with a secret token (only that address works) and runs until Ctrl+C. It saves only a config
with no problems, edits the file's text in place (its layout and keys it does not know are
kept), and never writes over a file changed on disk since it was read, or one that is not JSON.
--site <url> adds a "Preview on the site" link to its Try panel: the site's page with
?journeykit_preview=journey:<id>, which shows the journey's items as the saved file has them.

explain --timeline (without --journey) runs the timeline's visitor through every rule and journey
at once, as the browser would: frequency caps, schedules, delays, variants, limits per page and
per visit, one modal at a time, and what each rule or step shows, tracks or sets feeding the calls
after it. It says, call by call, what shows, what is tracked or set and what is held back and why;
then page by page; then where the visitor ends up.

explain --journey prints the journey's steps as a flow; with a timeline (a JSON list of calls,
[{ "at": "2026-12-01T10:00:00Z" | "+2h", "event": "add_to_cart" | null, "facts": {…} }]) or one
--on call, it runs them through the journeys' stepper and says, call by call, what happened and
why, and where the visitor ends up. --facts and --fact give the facts before the first call;
--at is the time of the --on call, or what a first "+2h" counts from; --visitor names the
visitor (splits and the holdout are sticky per visitor); --timezone is the visitor's (default
UTC); --subscribed: the visitor has a push subscription.

build validates as validate does and writes the config with its seal ("$sealed") to out.json, or
back to the file: a page whose config still matches its seal skips the validator (a smaller,
faster start). Publish the built file; edit the source and build again. A config with warnings
(an unknown key, a trigger that looks like a misspelt one) is not built unless --allow-warnings:
exit 1, nothing written.

build --site <dir> writes the folder to publish instead: <dir>/journeykit.js (the runtime's start
with the config sealed inside: the one script a page requests before ready), the lazy chunks beside
it under content-hashed names, and journeykit-sw.js (the push worker). A page needs one tag, with
no data-config: <script async src="https://example.com/<dir>/journeykit.js"></script>. Serve
journeykit.js with short caching (Cache-Control: no-cache) and the hashed chunks for ever
(max-age=31536000, immutable). Change the config, build again and publish: chunks that changed
get new names; keep the old ones a while for pages still open.

map draws the config's journeys (or the one --journey names) as an SVG: boxes for the entry,
the steps and the ends, arrows for next, goto, split, branch and else, the holdout beside. It
prints the SVG, or writes it to -o's file only when the config is valid (\`> map.svg\` would
leave an empty file behind a refused config).`

/** Options that take a value, and those that do not. */
const valued = ['--on', '--fact', '--at', '--journey', '--timeline', '--facts', '--visitor', '--timezone', '--template', '-o', '--out', '--site']
const flags = ['--subscribed', '--allow-warnings']

interface Arguments {
  positional: string[]
  option(name: string): string[]
  flag(name: string): boolean
}

function readArguments(args: string[]): Arguments | null {
  const positional: string[] = []
  const options: Array<[string, string]> = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (valued.includes(arg)) {
      const value = args[++i]
      if (value === undefined) return null
      options.push([arg, value])
    } else if (flags.includes(arg)) options.push([arg, ''])
    else if (arg.startsWith('--')) return null
    else positional.push(arg)
  }
  return {
    positional,
    option: (name) => options.filter(([key]) => key === name).map(([, value]) => value),
    flag: (name) => options.some(([key]) => key === name),
  }
}

const cannotWrite = (path: string) => {
  throw new Error(`cannot write ${path}`)
}

/**
 * `createFile` writes a file that must not exist yet, and throws (as Node does with the `wx`
 * flag: `EEXIST`) when it does; without one, a file `readFile` can read counts as existing.
 * `dist` is the folder of the built runtime (`build --site` copies from it); `writeFile` makes
 * the folders a path needs.
 */
export function runCli(
  args: string[],
  readFile: (path: string) => string,
  writeFile: (path: string, text: string) => void = cannotWrite,
  createFile?: (path: string, text: string) => void,
  dist?: string,
): CliResult {
  // Help is asked for, exit 0; no arguments at all is a usage error, exit 2 (contract §9).
  if (args[0] === 'help' || args.some((arg) => arg === '--help' || arg === '-h')) return { code: 0, output: usage }
  const read = readArguments(args)
  const [command, file, ...extra] = read?.positional ?? []
  if (read && command === 'init') return initCommand(read, createFile ?? createIfAbsent(readFile, writeFile))
  if (read?.option('--template').length) return { code: 2, output: usage }
  if (!read || !['validate', 'explain', 'build', 'map'].includes(command ?? '') || !file || extra.length) return { code: 2, output: usage }
  const out = [...read.option('-o'), ...read.option('--out')]
  const site = read.option('--site')
  if (out.length > (command === 'build' || command === 'map' ? 1 : 0) || (command !== 'build' && read.flag('--allow-warnings')))
    return { code: 2, output: usage }
  if (site.length > (command === 'build' && !out.length ? 1 : 0)) return { code: 2, output: usage }
  let config: unknown
  try {
    config = readJson(file, readFile)
  } catch (err) {
    return { code: 1, output: messageOf(err) }
  }
  const { problems, warnings } = checkConfig(config)
  // A seal the page would not accept (edited since, or another version): `build` writes a new one.
  if (command !== 'build' && typeof config === 'object' && config !== null && sealKey in config && !isSealed(config)) {
    warnings.push({ path: sealKey, message: messages.staleSeal })
  }
  const lines = [
    ...problems.flatMap(({ path, message }) => [`✘ ${path}: ${message}`, ...explainRegexRefusal(message)]),
    ...warnings.map(({ path, message }) => `! ${path}: ${message}`),
  ]
  if (problems.length) return { code: 1, output: [...lines, `${file}: ${problems.length} problem(s); journeykit refuses this config`].join('\n') }
  const { rules = [], items = {} } = config as Config
  const valid = `${file} is valid: ${rules.length} rule(s), ${Object.keys(items).length} item(s)`
  if (command === 'validate') return { code: 0, output: [...lines, valid].join('\n') }
  if (command === 'build') {
    // Issue 24: a warning is what the page will ignore in silence; publishing it is a choice.
    const count = warnings.length
    if (count && !read.flag('--allow-warnings')) {
      const them = count > 1 ? `${count} warnings (listed above); fix them` : '1 warning (listed above); fix it'
      return { code: 1, output: [...lines, `journeykit build: ${them}, or build with --allow-warnings`].join('\n') }
    }
    const sealed = sealConfig(config as Config)
    if (site[0] !== undefined) return siteCommand(sealed, site[0], { lines, valid, readFile, writeFile, dist })
    const target = out[0] ?? file
    try {
      writeFile(target, `${JSON.stringify(sealed, null, 2)}\n`)
    } catch (err) {
      return { code: 1, output: [...lines, `${target}: ${messageOf(err)}`].join('\n') }
    }
    return { code: 0, output: [...lines, `${valid}; sealed (${sealed.$sealed}) into ${target}`].join('\n') }
  }
  const { option } = read
  if (command === 'map') return mapCommand(config as Config, option('--journey')[0], file, out[0], writeFile)
  const trigger = option('--on')[0]
  const journey = option('--journey')[0]
  const timeline = option('--timeline')[0]
  if (!trigger && journey === undefined && timeline === undefined) return { code: 2, output: usage }
  const at = option('--at')[0]
  const now = at ? Date.parse(at) : Date.now()
  if (Number.isNaN(now)) return { code: 2, output: `--at needs an ISO time, got "${at}"` }
  let facts
  try {
    facts = parseFacts(option('--fact'))
  } catch (err) {
    return { code: 2, output: messageOf(err) }
  }
  const given = { facts, trigger, at: at ? now : undefined, now }
  if (journey !== undefined) return explainJourneyCommand(config as Config, journey, read, given, lines, readFile)
  if (timeline !== undefined) return explainSiteCommand(config as Config, timeline, read, given, lines, readFile)
  if (!trigger) return { code: 2, output: usage }
  const explained = explainRules(config as Config, trigger, facts, now)
  const fired = explained.filter((rule) => rule.fires)
  return {
    code: 0,
    output: [
      ...lines,
      `on ${trigger}: ${fired.length} of ${explained.length} rule(s) would fire`,
      ...explained.flatMap((rule, i) => {
        const note = rules[i]!.on === trigger ? unseenCounts(rules[i]!, rules) : undefined
        return [rule.fires ? `✔ ${rule.rule}: ${rule.action}` : `✘ ${rule.rule}: ${rule.reason}`, ...(note ? [`  note: ${note}`] : [])]
      }),
    ].join('\n'),
  }
}

/**
 * Every problem and warning of a config with its JSON path, as the runtime would report them:
 * the validator's, and what only the regex engine knows it cannot run. The gallery lists them too.
 */
export function checkConfig(config: unknown): { problems: Problem[]; warnings: Problem[] } {
  const { problems, warnings } = validateConfig(config)
  for (const { path, refusal } of findRegexRefusals(config)) {
    if (!problems.some((problem) => problem.path === path && problem.message.startsWith('$regex')))
      problems.push({ path, message: `$regex ${regexMessages[refusal]}` })
  }
  return { problems, warnings }
}

/** The files and `--port` of a command that starts a server (preview, studio), or null (usage). */
function serverArguments(rest: string[]): { files: string[]; port: number } | null {
  let port = 0
  const files: string[] = []
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--port') {
      port = Number(rest[++i])
      if (!Number.isInteger(port) || port < 0 || port > 65535) return null
    } else if (rest[i]!.startsWith('--')) return null
    else files.push(rest[i]!)
  }
  return { files, port }
}

/** `journeykit preview <journeykit.json> [--port N]`: the file and port, or null (usage). */
export function previewArguments(args: string[]): { file: string; port: number } | null {
  const read = args[0] === 'preview' ? serverArguments(args.slice(1)) : null
  return read?.files.length === 1 ? { file: read.files[0]!, port: read.port } : null
}

/** An http(s) address a browser can open. */
function isSiteUrl(site: string | undefined): site is string {
  try {
    return site !== undefined && /^https?:$/.test(new URL(site).protocol)
  } catch {
    return false
  }
}

/**
/**
 * `journeykit studio [<journeykit.json>] [--port N] [--site <url>] [--collector <url>]`: the file
 * (default journeykit.json), the port (default 0: any free one), the site its journeys are
 * previewed on and a running collector whose counts the canvas shows (both http(s) addresses),
 * or null (usage).
 */
export function studioArguments(args: string[]): { file: string; port: number; site?: string; collector?: string } | null {
  if (args[0] !== 'studio') return null
  const rest = args.slice(1)
  const option = (name: string) => {
    const at = rest.indexOf(name)
    if (at < 0) return { given: false }
    const value = rest.splice(at, 2)[1]
    return { given: true, value, ok: isSiteUrl(value) }
  }
  const site = option('--site')
  const collector = option('--collector')
  if ((site.given && !site.ok) || (collector.given && !collector.ok)) return null
  const read = serverArguments(rest)
  return read && read.files.length <= 1
    ? {
        file: read.files[0] ?? 'journeykit.json',
        port: read.port,
        ...(site.value && { site: site.value }),
        ...(collector.value && { collector: collector.value }),
      }
    : null
}

/**
 * `map`: the SVG alone on stdout (warnings would spoil the file it is written to), or into `out`,
 * written only once drawn: a refused config leaves no empty map behind.
 */
function mapCommand(
  config: Config,
  journey: string | undefined,
  file: string,
  out: string | undefined,
  writeFile: (path: string, text: string) => void,
): CliResult {
  let svg: string
  try {
    svg = renderMap(config, { journey }).trimEnd()
  } catch (err) {
    return { code: 1, output: messageOf(err) }
  }
  if (out === undefined) return { code: 0, output: svg }
  try {
    writeFile(out, `${svg}\n`)
  } catch (err) {
    return { code: 1, output: `${out}: ${messageOf(err)}` }
  }
  const drawn = journey === undefined ? Object.keys(config.journeys ?? {}).length : 1
  return { code: 0, output: `${file}: ${drawn} journey(s) drawn into ${out}` }
}

/**
 * `init [file] [--template empty|shop]`: a starter config, written only where no file is, so
 * that a second `init` never loses an owner's edits.
 */
function initCommand(read: Arguments, createFile: (path: string, text: string) => void): CliResult {
  const [, file = 'journeykit.json', ...extra] = read.positional
  const given = read.option('--template')
  const name = given[0] ?? 'empty'
  if (extra.length || given.length > 1 || read.flag('--subscribed') || read.flag('--allow-warnings')) return { code: 2, output: usage }
  const template = Object.hasOwn(templates, name) ? templates[name] : undefined
  if (!template) return { code: 2, output: `--template is empty or shop, not "${name}"` }
  try {
    createFile(file, `${JSON.stringify(template, null, 2)}\n`)
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === 'EEXIST')
      return { code: 1, output: `${file} already exists; init does not overwrite it: edit it, or name another file (journeykit init <file>)` }
    return { code: 1, output: `${file}: ${messageOf(err)}` }
  }
  const { rules = [], items = {}, journeys = {} } = template as Config
  const has = `${rules.length} rule(s), ${Object.keys(items).length} item(s), ${Object.keys(journeys).length} journey(s)`
  return { code: 0, output: `wrote ${file} from the ${name} template (${has}); edit it, then: npx journeykit validate ${file}` }
}

/** A `createFile` from a reader and a writer, for callers that pass none: a readable file exists. */
const createIfAbsent =
  (readFile: (path: string) => string, writeFile: (path: string, text: string) => void) =>
  (path: string, text: string): void => {
    let exists = true
    try {
      readFile(path)
    } catch {
      exists = false
    }
    if (exists) throw Object.assign(new Error(`${path} already exists`), { code: 'EEXIST' })
    writeFile(path, text)
  }

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err))

/**
 * A valid config with its seal for this release's validator (config/seal.ts): a seal already
 * there is replaced where it stands, a new one goes last.
 *
 * @example sealConfig({ version: 1 }) // { version: 1, $sealed: '0.1.0:6f349daf-j' }
 */
export function sealConfig(config: Config): Config & { $sealed: string } {
  return { ...config, $sealed: sealOf(config as unknown as Record<string, unknown>) }
}

/**
 * `build --site <dir>`: the folder to publish (src/tools/site/build.ts), from the built runtime in
 * `dist`: every file is read before the first is written, so a missing build writes nothing.
 */
function siteCommand(
  sealed: Config & { $sealed: string },
  dir: string,
  given: { lines: string[]; valid: string; readFile: (path: string) => string; writeFile: (path: string, text: string) => void; dist?: string },
): CliResult {
  const { lines, valid, readFile, writeFile, dist } = given
  const folder = dir.replace(/[\\/]+$/, '') || dir
  let built
  try {
    if (dist === undefined) throw new Error('no built runtime to copy (dist/)')
    built = siteFiles(sealed, (path) => readFile(`${dist.replace(/[\\/]+$/, '')}/${path}`))
  } catch (err) {
    return { code: 1, output: [...lines, `journeykit build --site: ${messageOf(err)}; run \`npm run build\` in the journeykit folder`].join('\n') }
  }
  for (const { name, text } of built.files) {
    try {
      writeFile(`${folder}/${name}`, text)
    } catch (err) {
      return { code: 1, output: [...lines, `${folder}/${name}: ${messageOf(err)}`].join('\n') }
    }
  }
  const chunks = built.files.length - 2
  const actions = built.set === 'actions' ? ' (with the actions chunk: a rule acts on the page view)' : ''
  return {
    code: 0,
    output: [
      ...lines,
      `${valid}; sealed (${sealed.$sealed}) into ${folder}/journeykit.js${actions}, with ${chunks} lazy chunks and journeykit-sw.js`,
      `publish ${folder}/ and put one tag on each page: <script async src="…/${folder.split(/[\\/]/).pop()}/journeykit.js"></script>`,
      'serve journeykit.js with Cache-Control: no-cache, the hashed chunks with max-age=31536000, immutable',
    ].join('\n'),
  }
}

/**
 * `explain --journey`: the journey's flow, then the timeline (a file, or the one `--on` call)
 * walked by the stepper. Files that cannot be read or do not fit are exit 1, like the config.
 */
function explainJourneyCommand(config: Config, id: string, read: Arguments, given: Given, lines: string[], readFile: (path: string) => string): CliResult {
  const [timelineFile] = read.option('--timeline')
  if (timelineFile !== undefined && given.trigger) return { code: 2, output: bothTimelineAndOn }
  let timeline: unknown = given.trigger ? [{ at: new Date(given.now).toISOString(), event: given.trigger }] : undefined
  try {
    const facts = readGivenFacts(read, given.facts, readFile)
    if (timelineFile !== undefined) timeline = readJson(timelineFile, readFile)
    const explained = explainJourney(config, id, {
      facts,
      timeline,
      start: given.at,
      visitorId: read.option('--visitor')[0],
      timezone: read.option('--timezone')[0],
      subscribed: read.flag('--subscribed'),
    })
    return { code: 0, output: [...lines, ...explained.lines].join('\n') }
  } catch (err) {
    return { code: 1, output: messageOf(err) }
  }
}

/**
 * `explain --timeline` without `--journey`: the timeline's visitor through every rule and journey
 * at once (src/tools/explain-site/). Files that cannot be read or do not fit are exit 1.
 */
function explainSiteCommand(
  config: Config,
  timelineFile: string,
  read: Arguments,
  given: Given,
  lines: string[],
  readFile: (path: string) => string,
): CliResult {
  if (given.trigger) return { code: 2, output: bothTimelineAndOn }
  try {
    const explained = explainSite(config, {
      facts: readGivenFacts(read, given.facts, readFile),
      timeline: readJson(timelineFile, readFile),
      start: given.at,
      visitorId: read.option('--visitor')[0],
      timezone: read.option('--timezone')[0],
      subscribed: read.flag('--subscribed'),
    })
    return { code: 0, output: [...lines, ...explained.lines].join('\n') }
  } catch (err) {
    return { code: 1, output: messageOf(err) }
  }
}

/** What `explain` was told on its command line besides files. */
interface Given {
  facts: Facts
  trigger: string | undefined
  at: number | undefined
  now: number
}

const bothTimelineAndOn = '--timeline and --on: give one of them (the --on call is a timeline of one)'

/** The facts before the first call: each --facts file in order, then --fact (which wins). */
function readGivenFacts(read: Arguments, facts: Facts, readFile: (path: string) => string): Facts {
  let merged: Facts = {}
  for (const path of read.option('--facts')) {
    const more = readJson(path, readFile)
    if (typeof more !== 'object' || more === null || Array.isArray(more)) throw new Error(`${path}: needs a JSON object of facts`)
    merged = mergeFacts(merged, more as Facts, path)
  }
  return mergeFacts(merged, facts, '--fact')
}

/**
 * A JSON file, or an error that starts with its path: for a syntax error, the line, the column
 * and what to do (`journeykit.json: line 20, column 3: remove the comma before "}"`). A leading
 * byte-order mark, which some editors save, is skipped.
 */
function readJson(path: string, readFile: (path: string) => string): unknown {
  let text: string
  try {
    text = readFile(path).replace(/^\uFEFF/, '')
  } catch (err) {
    throw new Error(`${path}: ${messageOf(err)}`, { cause: err })
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    const { line, column, reason } = jsonSyntaxError(text, messageOf(err))
    throw new Error(`${path}: line ${line}, column ${column}: ${reason}`, { cause: err })
  }
}

/** Why a `$regex` is refused and what to do, for the terminal (the runtime ships the short message). */
const regexHints: Record<string, string> = {
  [messages.regexLength]: 'a fact is matched on its first 2,048 characters; a pattern over 256 is refused to bound the work',
  [messages.regexBackreference]: 'backreferences (\\1, \\k<name>) need a backtracking engine, which a crafted URL can stall; match the text without them',
  [messages.regexLookaround]: 'lookaround ((?=, (?!, (?<=, (?<!) needs a backtracking engine; use $not, or two conditions in $and',
  [messages.regexSyntax]:
    'journeykit runs literals, escapes (\\d \\w \\s \\b, \\xHH, \\uHHHH, \\ before punctuation), classes [a-z] [^…], ., ^ $, groups (…) (?:…) (?<name>…), |, * + ? {m,n} and a leading (?i); no \\p{…}, \\c, inline flags elsewhere or a stray {',
  [messages.regexSize]: 'counted repetition copies its body: keep {m,n} counts (and their products when nested) small, under 1,000 steps in all',
}

// The message may go on after the refusal: `(rule "search")` names its rule.
function explainRegexRefusal(message: string): string[] {
  const refusal = Object.keys(regexHints).find((text) => message.startsWith(`$regex ${text}`))
  return refusal ? [`    ${regexHints[refusal]}`] : []
}
