import { reportError, reportWarning } from '../lib/log.js'
import { describe, type Finding } from './messages.js'

/**
 * Says what the validator found, in words (contract §4): a console.warn per warning, a
 * console.error per problem. A chunk of its own with the messages: most configs have nothing
 * to report, and their pages never load it. The path starts each line and the words are the
 * contract's, exactly: the owner's names by id (`(rule "cart-exit")`) are for the command
 * line, the gallery and validateConfig, which are given the config.
 */
export function reportFindings(problems: Finding[], warnings: Finding[]): void {
  const say = (finding: Finding) => {
    const { path, message } = describe(finding)
    return `${path}: ${message}`
  }
  warnings.forEach((finding) => reportWarning('config', say(finding)))
  problems.forEach((finding) => reportError('config', say(finding)))
  // The outcome is a warning, so that errors stay one per problem.
  if (problems.length) reportWarning('config', `${problems.length} problem(s): the config was refused, nothing will be shown`)
}
