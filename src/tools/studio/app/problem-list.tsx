/**
 * Every problem and warning of the draft, with its JSON path, as `journeykit validate` lists
 * them. A problem of a journey is a button that opens the box it belongs to.
 */
import type { Placed } from './problems-by-box.js'

export interface ProblemListProps {
  problems: Placed[]
  warnings: Placed[]
  show(problem: Placed): void
}

export function ProblemList({ problems, warnings, show }: ProblemListProps) {
  const verdict = problems.length
    ? `${problems.length} problem${problems.length === 1 ? '' : 's'}: journeykit would refuse this file, so it cannot be saved yet.`
    : 'No problems: journeykit accepts this file.'
  const entry = (problem: Placed, kind: 'problem' | 'warning') => (
    <li key={`${kind} ${problem.path} ${problem.message}`} class={kind}>
      <strong>{kind === 'problem' ? 'Problem' : 'Warning'}</strong>{' '}
      {problem.place ? (
        <button type="button" class="link" onClick={() => show(problem)}>
          <code>{problem.path}</code>
        </button>
      ) : (
        <code>{problem.path}</code>
      )}
      : {problem.message}
    </li>
  )
  return (
    <section class="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">Problems</h2>
      <p>
        {verdict}
        {warnings.length > 0 && ` ${warnings.length} warning${warnings.length === 1 ? '' : 's'}.`}
      </p>
      {(problems.length > 0 || warnings.length > 0) && (
        <ul>
          {problems.map((problem) => entry(problem, 'problem'))}
          {warnings.map((warning) => entry(warning, 'warning'))}
        </ul>
      )}
    </section>
  )
}
