import { channelNames } from './names.js'
import { eraseStoredData } from './erase.js'

/**
 * The consent chunk (dist/consent.js), loaded when consent changes: a grant, which merges a
 * visitor known from an earlier grant, and what a denial does beyond the page's memory. Not
 * in the core: most pages never see consent change.
 */
export { grantConsent } from '../engine/grant.js'

/**
 * A denial reaches the whole site: the other open tabs hear it (src/engine/after-ready.ts) and
 * deny too, so none of them sends or stores again, and everything stored is erased. The push
 * subscription ends too (contract §7): a push a collector already scheduled for this visitor
 * can no longer reach them. Its registration is the one the erased worker settings named
 * (src/push/index.ts stores it there), not the config's: a denial queued before the runtime
 * loaded comes before the config does, and another tab's needs none.
 */
export async function denyEverywhere(): Promise<void> {
  try {
    const channel = new BroadcastChannel(channelNames.consent)
    channel.postMessage('denied')
    channel.close()
  } catch {
    // no BroadcastChannel (or an opaque origin): the other tabs deny on their next page
  }
  const scope = await eraseStoredData()
  try {
    if (scope) await (await (await navigator.serviceWorker.getRegistration(scope))?.pushManager.getSubscription())?.unsubscribe()
  } catch {
    // the push service could not be told: the subscription stays, but nothing here renews it
  }
}
