import { beforeEach, vi } from 'vitest'

/**
 * The runtimes of a test file share one origin, as a site's tabs do, and outlive their tests:
 * a denial in one test would reach every runtime left over from the others and from the tests
 * after it (src/engine/after-ready.ts). In unit tests each runtime hears only its own denials;
 * a denial reaching another tab is tested in Chromium (examples/e2e/consent.spec.ts).
 */
const Channel = globalThis.BroadcastChannel
if (Channel) {
  class ChannelOfItsOwn extends Channel {
    constructor(name: string) {
      super(name === 'jk:v1:consent' ? `${name}:${Math.random()}` : name)
    }
  }
  beforeEach(() => vi.stubGlobal('BroadcastChannel', ChannelOfItsOwn))
}
