// Whether the collector may send pushes with its VAPID keys (issue 24): not when it has none,
// nor when the site's config names another public key (its visitors subscribed with a key whose
// private half the collector does not hold: every send would be refused, or worse, go out signed
// by keys nobody meant). The config is read again at each look, so fixing it lets held pushes go
// without a restart; each change is said once, a new problem with console.error.
import { keysOrigin, keysProblem } from './vapid.mjs'

/**
 * `vapid` and `problem` from preparePushes, `readConfig()` the site's config (null when unknown),
 * `where` its path (or null), `checkConfigKey: false` when the config is served with the
 * collector's key put in (npm start), `log` for the start lines, `onChange(problem)` after each change.
 */
export function guardKeys({ vapid, problem: unreadable = null, readConfig, where = null, checkConfigKey = true, log = () => {}, onChange = () => {} }) {
  let last = null

  /** Why pushes are held now, or null. */
  function held() {
    const config = vapid && checkConfigKey ? readConfig() : null
    const problem = unreadable ?? (config ? keysProblem(vapid, config, where) : null)
    if (problem === last) return problem
    if (problem) console.error(problem)
    else log('push: the VAPID keys match the site config now: held pushes are sent')
    last = problem
    onChange(problem)
    return problem
  }

  /** What the keys are compared with, when they fit. */
  function comparedWith() {
    if (!checkConfigKey) return 'push: the site config is served with this public key (checkConfigKey: false), not compared'
    const config = readConfig()
    if (!config) return 'push: no site config (CONFIG=path/to/journeykit.json), so its push.vapidPublicKey is not compared with these keys'
    if (typeof config.push?.vapidPublicKey !== 'string') return 'push: the site config names no push.vapidPublicKey to compare'
    return 'push: the site config names this public key'
  }

  return {
    held,
    /** The start's lines: where the keys are and whether they were made now, then the config's verdict. */
    announce() {
      if (vapid) log(`push: VAPID keys ${keysOrigin(vapid)}; public key ${vapid.publicKey}`)
      if (!held()) log(comparedWith())
    },
  }
}
