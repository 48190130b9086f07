import { reportError } from '../lib/log.js'

/** Wraps a public method so that nothing it does can throw into the host page. */
export const guard =
  <A extends unknown[], R>(method: string, run: (...args: A) => R, fallback: R) =>
  (...args: A): R => {
    try {
      return run(...args)
    } catch (err) {
      reportError(method, err)
      return fallback
    }
  }
