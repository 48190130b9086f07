import { afterEach, describe, expect, it, vi } from 'vitest'
import { deviceFacts } from './device.js'

const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8)'
const rows: Array<[string, string, boolean | undefined, 'desktop' | 'mobile' | 'tablet']> = [
  ['desktop Chrome', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36', undefined, 'desktop'],
  ['desktop Chrome, hint says mobile', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0', true, 'mobile'],
  ['iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148', undefined, 'mobile'],
  ['iPod', 'Mozilla/5.0 (iPod touch; CPU iPhone OS 12_0 like Mac OS X)', undefined, 'mobile'],
  ['iPad', 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Mobile/15E148', undefined, 'tablet'],
  ['Android phone', `${android} AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36`, true, 'mobile'],
  ['Android phone, no hint', `${android} AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36`, undefined, 'mobile'],
  ['Android tablet', 'Mozilla/5.0 (Linux; Android 14; SM-X910) AppleWebKit/537.36 Chrome/120.0 Safari/537.36', false, 'tablet'],
  ['Android, Mobile before it only', 'Mobile Foo (Linux; Android 14) Safari', undefined, 'tablet'],
  ['Kindle Silk', 'Mozilla/5.0 (Linux; KFTRWI) AppleWebKit/537.36 Silk/120.0 like Chrome Safari/537.36', undefined, 'tablet'],
  ['Firefox OS tablet', 'Mozilla/5.0 (Tablet; rv:26.0) Gecko/26.0 Firefox/26.0', undefined, 'tablet'],
  ['no user agent', '', undefined, 'desktop'],
]

describe('deviceFacts', () => {
  afterEach(() => void vi.unstubAllGlobals())

  it.each(rows)('%s', (_name, userAgent, mobile, type) => {
    vi.stubGlobal('navigator', { userAgent, language: 'sr-RS', userAgentData: mobile === undefined ? undefined : { mobile } })
    expect(deviceFacts()).toEqual({ type, language: 'sr-RS' })
  })

  it('reads an empty language when the browser has none', () => {
    vi.stubGlobal('navigator', { userAgent: 'x' })
    expect(deviceFacts()).toEqual({ type: 'desktop', language: '' })
  })
})
