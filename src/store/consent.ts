import { channelNames } from './names.js'
import { eraseStoredData } from './erase.js'

/**
 * The consent chunk (dist/consent.js), loaded when consent changes: a grant, which merges a
 * visitor known from an earlier grant, and what a denial does beyond the page's memory. Not
 * in the core: most pages never see consent change.
 */
export { grantConsent } from '../api/grant.js'

/**
 * A denial reaches the whole site: the other open tabs hear it (src/api/after-ready.ts) and
 * deny too, so none of them sends or stores again, and everything stored is erased.
 */
export async function denyEverywhere(): Promise<void> {
  try {
    const channel = new BroadcastChannel(channelNames.consent)
    channel.postMessage('denied')
    channel.close()
  } catch {
    // no BroadcastChannel (or an opaque origin): the other tabs deny on their next page
  }
  await eraseStoredData()
}
