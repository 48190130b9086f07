/**
 * The script-tag loader (contract §2): a classic script, no imports, under 1 KB gzip.
 * Reads its own tag, keeps the `window.journeykit` queue working (stamping each call with
 * its page and time), fetches the config and the core chunk in parallel, then hands over.
 * Only `import type` from src/: it vanishes from the build.
 */
import type { LoaderHandoff } from '../src/boot.js'

type Queue = unknown[] & { ready?: unknown }
;(function (w: Window & { journeykit?: Queue }, d: Document) {
  try {
    const script = d.currentScript as HTMLScriptElement | null
    const stub = (w.journeykit = w.journeykit || [])
    // Not our tag, or a runtime already took over (the loader was included twice).
    if (!script || typeof stub.push !== 'function' || stub.ready) return
    const startedAt = Date.now()
    const queue: LoaderHandoff['queue'] = []
    const stamp = (call: unknown) => void queue.push([call, location.href, d.title, Date.now()])
    for (let i = 0; i < stub.length; i++) stamp(stub[i])
    stub.push = (...calls: unknown[]) => {
      calls.forEach(stamp)
      return queue.length
    }
    const data = script.dataset
    const config = data.config && new URL(data.config, location.href).href
    const configRequest = config ? fetch(config, { credentials: 'omit' }) : undefined
    // The runtime reports a failed config fetch; until it does, keep the rejection handled.
    if (configRequest) configRequest.catch(() => 0)
    // The validator chunk, for a config without a seal (`npx journeykit build`) and in debug
    // mode: its download starts as soon as that is known, not once the start chunk has run.
    // A seal is only looked for here; the runtime checks it (and imports this same module).
    const check = () => import(new URL('config-check.js', script.src).href).catch(() => 0)
    const debug = data.debug != null || /[?&]journeykit_debug=1/.test(location.search)
    if (debug) void check()
    else if (configRequest)
      configRequest
        .then((response) => (response.ok ? response.clone().text() : '"$sealed"'))
        .then((text) => text.includes('"$sealed"') || check())
        .catch(() => 0)
    import(new URL('core.js', script.src).href)
      .then((core: { start(handoff: LoaderHandoff): unknown }) =>
        core.start({
          config,
          configRequest,
          collector: data.collector,
          consent: data.consent,
          debug,
          nonce: script.nonce,
          queue,
          startedAt,
        }),
      )
      .catch((err: unknown) => console.error('journeykit: could not load the runtime;', err))
  } catch (err) {
    console.error('journeykit: could not start;', err)
  }
})(window, document)
