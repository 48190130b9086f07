/**
 * The commit-msg hook's check (.githooks/commit-msg, installed by `npm install` in a clone):
 * the subject, the first line, is a title of at most 72 characters, with the why in the body.
 */
import { readFileSync } from 'node:fs'

export const maxSubject = 72

/** Why a commit message's subject is refused, or null when it is fine. */
export function subjectProblem(message) {
  const subject = message.split('\n').find((line) => !line.startsWith('#')) ?? ''
  if (subject.trim() === '') return 'the subject (first line) is empty'
  const length = [...subject].length
  if (length > maxSubject)
    return `the subject is ${length} characters; keep it to ${maxSubject}, a title a reader can scan, and put the why in the body (after a blank line)`
  return null
}

if (process.argv[2]) {
  const problem = subjectProblem(readFileSync(process.argv[2], 'utf8'))
  if (problem) {
    console.error(`commit refused: ${problem}`)
    process.exit(1)
  }
}
