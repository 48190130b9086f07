import { reportError } from '../lib/log.js'

/**
 * Wraps a public method so that nothing it does can throw into the host page: a throw is
 * reported under the method's name, and the call returns `fallback`.
 */
export const guard =
  <A extends unknown[], R>(method: string, run: (...args: A) => R, fallback?: R) =>
  (...args: A): R | undefined => {
    try {
      return run(...args)
    } catch (err) {
      reportError(method, err)
      return fallback
    }
  }
