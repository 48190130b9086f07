import type { Problem } from '../config/types.js'
import { describe, type Finding } from './messages.js'
import { ownersOf } from './owners.js'
import { findProblems } from './find-problems.js'
import { screenRegex } from './regex-screen.js'
import { findJourneyProblems } from './journeys.js'
import { findEventNameSlips } from './event-names.js'

export interface Validation {
  problems: Problem[]
  warnings: Problem[]
}

/**
 * Walks the whole config, journeys and segments included, and returns every problem with its
 * JSON path (contract §4, §7, §8).
 * A config with any problem is refused whole; warnings (unknown keys, likely trigger typos,
 * event names used once near another: that one only here, not in the page's check) are only
 * reported.
 */
export function validateConfig(input: unknown): Validation {
  const { problems, warnings } = findProblems(input, screenRegex)
  findJourneyProblems(input, { problems, warnings, screenRegex })
  findEventNameSlips(input, warnings)
  // The owner's names by id end the message here, not in the page's console (validate/report.ts).
  const say = (finding: Finding) => {
    const { path, message } = describe(finding)
    const owners = ownersOf(path, input, finding.value)
    return { path, message: owners ? `${message} (${owners})` : message }
  }
  return { problems: problems.map(say), warnings: warnings.map(say) }
}
