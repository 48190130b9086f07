import { reportError, reportWarning } from '../lib/log.js'
import { describe, type Finding } from './messages.js'

/**
 * Says what the validator found, in words (contract §4): a console.warn per warning, a
 * console.error per problem, naming rules and steps by their ids in `config`. A chunk of its
 * own with the messages: most configs have nothing to report, and their pages never load it.
 */
export function reportFindings(problems: Finding[], warnings: Finding[], config: unknown): void {
  const say = (finding: Finding) => {
    const { path, message } = describe(finding, config)
    return `${path}: ${message}`
  }
  warnings.forEach((finding) => reportWarning('config', say(finding)))
  problems.forEach((finding) => reportError('config', say(finding)))
  // The outcome is a warning, so that errors stay one per problem.
  if (problems.length) reportWarning('config', `${problems.length} problem(s): the config was refused, nothing will be shown`)
}
