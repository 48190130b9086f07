// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatRemaining } from './countdown.js'
import { checkForm } from './validate-form.js'
import { mount } from './mount.js'
import type { ItemHost } from './types.js'
import type { Item } from '../config/types.js'

afterEach(() => {
  document.body.innerHTML = ''
})

function host(item: Item, overrides: Partial<ItemHost> = {}): ItemHost {
  return {
    id: 'x',
    item,
    baseUrl: 'https://shop.example/cart',
    dismiss: vi.fn(),
    convert: vi.fn(),
    capture: vi.fn(),
    close: vi.fn(),
    allowPush: vi.fn(async () => 'granted' as const),
    ...overrides,
  }
}
const shadow = () => document.querySelector('[data-journeykit-item="x"]')!.shadowRoot!

describe('formatRemaining', () => {
  it.each([
    [0, ''],
    [-5, ''],
    [59_000, '00:59'],
    [61_000, '01:01'],
    [3_600_000 + 2000, '01:00:02'],
    [2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5000, '2d 03:04:05'],
  ])('%i ms → "%s"', (ms, text) => expect(formatRemaining(ms)).toBe(text))
})

describe('checkForm', () => {
  it.each(['', '  ', 'plain', 'a@b', 'a@@b.c', 'a b@c.d', `${'a'.repeat(250)}@b.cd`])('refuses the email "%s"', (email) => {
    expect(checkForm({ email, consent: true }, false).email).toBeTruthy()
  })
  it('accepts a good email, and asks for consent only when the form has a consent box', () => {
    expect(checkForm({ email: 'ana@shop.example', consent: false }, false)).toEqual({})
    expect(checkForm({ email: 'ana@shop.example', consent: false }, true)).toEqual({ consent: 'Please tick the box to continue.' })
  })
})

const buttonNames = () => [...shadow().querySelectorAll('button')].map((b) => b.textContent)

describe('the item view', () => {
  it('renders hostile text as text', () => {
    const hostile = '<img src=x onerror="window.pwned=1">'
    mount(host({ kind: 'focus', style: 'modal', title: hostile, body: hostile, code: hostile, cta: { label: hostile, url: '/x' } }))
    const root = shadow()
    expect(root.querySelector('img')).toBeNull()
    expect(root.querySelector('.title')!.textContent).toBe(hostile)
    expect(root.querySelector('.body')!.textContent).toBe(hostile)
    expect(root.querySelector('.cta')!.textContent).toBe(hostile)
  })

  it('refuses a javascript: CTA at render too (a config that skipped validation)', () => {
    mount(host({ kind: 'focus', style: 'modal', title: 't', cta: { label: 'Go', url: 'javascript:alert(1)' } }))
    expect(shadow().querySelector('a')).toBeNull()
  })

  it('captures a lead only once the form is valid, then shows the success message', async () => {
    const h = host({ kind: 'focus', style: 'slidein', title: 't', form: { name: true, consent: 'Send me offers', successMessage: 'Check your inbox' } })
    mount(h)
    const form = shadow().querySelector('form')!
    form.querySelector<HTMLInputElement>('input[name=email]')!.value = 'not-an-email'
    form.dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() => expect(shadow().querySelector('#jk-email-error')).not.toBeNull())
    expect(shadow().querySelector('#jk-consent-error')!.textContent).toBe('Please tick the box to continue.')
    expect(h.capture).not.toHaveBeenCalled()
    form.querySelector<HTMLInputElement>('input[name=email]')!.value = 'ana@shop.example'
    form.querySelector<HTMLInputElement>('input[name=name]')!.value = 'Ana'
    form.querySelector<HTMLInputElement>('input[name=consent]')!.checked = true
    form.dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() => expect(shadow().querySelector('.success')?.textContent).toBe('Check your inbox'))
    expect(h.capture).toHaveBeenCalledWith({ email: 'ana@shop.example', name: 'Ana', consent: true })
  })

  it('gates an asset behind the email, then offers a real download link', async () => {
    const h = host({ kind: 'asset', style: 'slidein', title: 'Guide', asset: { url: '/files/guide.pdf', filename: 'guide.pdf' }, gate: 'email' })
    mount(h)
    expect(shadow().querySelector('a[download]')).toBeNull()
    const form = shadow().querySelector('form')!
    form.querySelector<HTMLInputElement>('input[name=email]')!.value = 'ana@shop.example'
    form.dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() => expect(shadow().querySelector('a[download]')).not.toBeNull())
    const link = shadow().querySelector<HTMLAnchorElement>('a[download]')!
    expect(link.getAttribute('href')).toBe('https://shop.example/files/guide.pdf')
    expect(link.getAttribute('download')).toBe('guide.pdf')
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    expect(h.convert).toHaveBeenCalledWith('download', { url: 'https://shop.example/files/guide.pdf' })
  })

  it("the push soft ask has one dismiss control besides Allow: the owner's label, else only Close", () => {
    mount(host({ kind: 'push', style: 'slidein', title: 'Alerts?' }))
    expect(buttonNames()).toEqual(['Allow', '×Close'])
    document.body.innerHTML = ''
    const h = host({ kind: 'push', style: 'slidein', title: 'Alerts?', dismissLabel: 'Maybe later' })
    mount(h)
    expect(buttonNames()).toEqual(['Allow', 'Maybe later', '×Close'])
    ;[...shadow().querySelectorAll('button')].find((b) => b.textContent === 'Maybe later')!.click()
    expect(h.dismiss).toHaveBeenCalledWith('secondary')
  })

  it('a secondary label dismisses as "secondary"', () => {
    const h = host({ kind: 'focus', style: 'bar', title: 't', dismissLabel: 'No thanks' })
    mount(h)
    ;[...shadow().querySelectorAll('button')].find((b) => b.textContent === 'No thanks')!.click()
    expect(h.dismiss).toHaveBeenCalledWith('secondary')
  })
})

describe('isolation of failures and styles', () => {
  it('an item that fails to render is contained: the page and other items carry on', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const broken = {
      kind: 'focus',
      style: 'bar',
      get title(): string {
        throw new Error('boom')
      },
    } as unknown as Item
    expect(() => mount(host(broken, { id: 'broken' }))).not.toThrow()
    mount(host({ kind: 'focus', style: 'slidein', title: 'Fine' }))
    expect(shadow().querySelector('.title')!.textContent).toBe('Fine')
    expect(errors.mock.calls.some((c) => String(c[0]).startsWith('journeykit.show: item "broken" failed to render'))).toBe(true)
  })

  it('falls back to a <style> with the loader tag nonce where constructable stylesheets are missing', () => {
    const original = globalThis.CSSStyleSheet
    // @ts-expect-error simulating an older browser
    delete globalThis.CSSStyleSheet
    try {
      mount(host({ kind: 'focus', style: 'bar', title: 't' }, { nonce: 'abc123' }))
      const style = shadow().querySelector('style')!
      expect(style.nonce).toBe('abc123')
      expect(style.textContent).toContain(':host')
    } finally {
      globalThis.CSSStyleSheet = original
    }
  })

  it('maps the theme to CSS custom properties on the item', () => {
    mount(host({ kind: 'focus', style: 'bar', title: 't' }, { theme: { accent: '#7c3aed', radius: '4px', font: 'Georgia, serif' } }))
    const root = shadow().querySelector<HTMLElement>('.root')!
    expect(root.style.getPropertyValue('--jk-accent')).toBe('#7c3aed')
    expect(root.style.getPropertyValue('--jk-radius')).toBe('4px')
    expect(root.style.getPropertyValue('--jk-font')).toBe('Georgia, serif')
  })
})
