/**
 * `npx journeykit validate journeykit.json` and
 * `npx journeykit explain journeykit.json --on exit_intent --fact page.path=/cart --fact visit.count=3`.
 * Pure of the process: takes the arguments and a file reader, returns the exit code and text.
 */
import type { Config } from './config/types.js'
import { validateConfig } from './config/validate.js'
import { explainRules, parseFacts } from './rules/explain.js'
import { findRegexRefusals } from './rules/regex.js'
import { messages, regexMessages } from './config/messages.js'

export interface CliResult {
  code: number
  output: string
}

const usage = `usage:
  journeykit validate <journeykit.json>
  journeykit explain <journeykit.json> --on <trigger> [--fact name=value]… [--at <ISO time>]`

export function runCli(args: string[], readFile: (path: string) => string): CliResult {
  const [command, file, ...rest] = args
  if ((command !== 'validate' && command !== 'explain') || !file) return { code: 2, output: usage }
  let config: unknown
  try {
    config = JSON.parse(readFile(file))
  } catch (err) {
    return { code: 1, output: `${file}: ${err instanceof Error ? err.message : String(err)}` }
  }
  const { problems, warnings } = validateConfig(config)
  // What only the regex engine knows it cannot run, as the runtime checks it when accepting a config.
  for (const { path, refusal } of findRegexRefusals(config)) {
    if (!problems.some((problem) => problem.path === path && problem.message.startsWith('$regex')))
      problems.push({ path, message: `$regex ${regexMessages[refusal]}` })
  }
  const lines = [
    ...problems.flatMap(({ path, message }) => [`✘ ${path}: ${message}`, ...explainRegexRefusal(message)]),
    ...warnings.map(({ path, message }) => `! ${path}: ${message}`),
  ]
  if (problems.length) return { code: 1, output: [...lines, `${file}: ${problems.length} problem(s); journeykit refuses this config`].join('\n') }
  if (command === 'validate') {
    const { rules = [], items = {} } = config as Config
    return { code: 0, output: [...lines, `${file} is valid: ${rules.length} rule(s), ${Object.keys(items).length} item(s)`].join('\n') }
  }
  const option = (name: string) => rest.flatMap((arg, i) => (arg === name && rest[i + 1] !== undefined ? [rest[i + 1]!] : []))
  const trigger = option('--on')[0]
  if (!trigger) return { code: 2, output: usage }
  const at = option('--at')[0]
  const now = at ? Date.parse(at) : Date.now()
  if (Number.isNaN(now)) return { code: 2, output: `--at needs an ISO time, got "${at}"` }
  let facts
  try {
    facts = parseFacts(option('--fact'))
  } catch (err) {
    return { code: 2, output: err instanceof Error ? err.message : String(err) }
  }
  const explained = explainRules(config as Config, trigger, facts, now)
  const fired = explained.filter((rule) => rule.fires)
  return {
    code: 0,
    output: [
      ...lines,
      `on ${trigger}: ${fired.length} of ${explained.length} rule(s) would fire`,
      ...explained.map((rule) => (rule.fires ? `✔ ${rule.rule}: ${rule.action}` : `✘ ${rule.rule}: ${rule.reason}`)),
    ].join('\n'),
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

function explainRegexRefusal(message: string): string[] {
  const hint = message.startsWith('$regex ') ? regexHints[message.slice('$regex '.length)] : undefined
  return hint ? [`    ${hint}`] : []
}
