// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatRemaining } from './countdown.js'
import { checkForm, consentOf } from './validate-form.js'
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

describe('consentOf', () => {
  it.each([
    ['no consent line', undefined, null],
    ['a string: a box that must be ticked (the older form)', 'Send me offers', { text: 'Send me offers', required: true }],
    ['required', { text: 'I accept the terms', required: true }, { text: 'I accept the terms', required: true }],
    ['not required', { text: 'Email me offers too', required: false }, { text: 'Email me offers too', required: false }],
    ['required left out: the visitor may leave it', { text: 'Email me offers too' }, { text: 'Email me offers too', required: false }],
    ['no words: no box', '', null],
    ['no words in the object: no box', { text: '', required: true }, null],
  ])('%s', (_what, consent, expected) => expect(consentOf(consent)).toEqual(expected))
})

const buttonNames = () => [...shadow().querySelectorAll('button')].map((b) => b.textContent)
const submit = (email: string) => {
  const form = shadow().querySelector('form')!
  form.querySelector<HTMLInputElement>('input[name=email]')!.value = email
  form.dispatchEvent(new Event('submit', { cancelable: true }))
}

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
    expect(h.capture).toHaveBeenCalledWith({ email: 'ana@shop.example', name: 'Ana', consent: true, consentText: 'Send me offers' })
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

  it("the gate's button says the owner's submitLabel, and the thank-you comes with the download link", async () => {
    const h = host({
      kind: 'asset',
      style: 'slidein',
      title: 'Guide',
      asset: { url: '/files/guide.pdf' },
      gate: 'email',
      form: { submitLabel: 'Email me the guide', successMessage: 'Thanks! Your guide is ready.' },
    })
    mount(h)
    expect(buttonNames()).toEqual(['Email me the guide', '×Close'])
    expect(shadow().querySelector('.success')).toBeNull()
    submit('ana@shop.example')
    await vi.waitFor(() => expect(shadow().querySelector('a[download]')).not.toBeNull(), { timeout: 10000 })
    expect(shadow().querySelector('[role=status].success')!.textContent).toBe('Thanks! Your guide is ready.')
    expect(shadow().querySelector('form')).toBeNull()
  })

  it('a gate without successMessage still thanks the visitor; an asset with no gate has nothing to thank for', async () => {
    mount(host({ kind: 'asset', style: 'slidein', title: 'Guide', asset: { url: '/files/guide.pdf' }, gate: 'email' }))
    submit('ana@shop.example')
    await vi.waitFor(() => expect(shadow().querySelector('.success')?.textContent).toBe('Thank you!'), { timeout: 10000 })
    document.body.innerHTML = ''
    mount(host({ kind: 'asset', style: 'slidein', title: 'Guide', asset: { url: '/files/guide.pdf' } }))
    expect(shadow().querySelector('a[download]')).not.toBeNull()
    expect(shadow().querySelector('.success')).toBeNull()
  })

  it('a required consent box refuses the submit with a message on the box, then reports what was agreed to', async () => {
    const text = 'I agree to receive the guide and offers by email <b>now</b>'
    const h = host({ kind: 'asset', style: 'slidein', title: 'Guide', asset: { url: '/g.pdf' }, gate: 'email', form: { consent: { text, required: true } } })
    mount(h)
    const box = shadow().querySelector<HTMLInputElement>('input[name=consent]')!
    expect(box.closest('label')!.textContent).toBe(text)
    expect(shadow().querySelector('b')).toBeNull()
    expect(box.required).toBe(true)
    submit('ana@shop.example')
    await vi.waitFor(() => expect(shadow().querySelector('#jk-consent-error')?.textContent).toBe('Please tick the box to continue.'), { timeout: 10000 })
    expect(box.getAttribute('aria-invalid')).toBe('true')
    expect(box.getAttribute('aria-describedby')).toBe('jk-consent-error')
    expect(shadow().activeElement).toBe(box)
    expect(h.capture).not.toHaveBeenCalled()
    box.checked = true
    submit('ana@shop.example')
    await vi.waitFor(() => expect(h.capture).toHaveBeenCalledWith({ email: 'ana@shop.example', consent: true, consentText: text }), { timeout: 10000 })
  })

  it('a consent box that is not required may be left unticked, and the lead says so', async () => {
    const h = host({ kind: 'focus', style: 'bar', title: 'News', form: { consent: { text: 'Email me offers too', required: false } } })
    mount(h)
    expect(shadow().querySelector<HTMLInputElement>('input[name=consent]')!.required).toBe(false)
    submit('ana@shop.example')
    await vi.waitFor(() => expect(h.capture).toHaveBeenCalledWith({ email: 'ana@shop.example', consent: false, consentText: 'Email me offers too' }), {
      timeout: 10000,
    })
    expect(shadow().querySelector('#jk-consent-error')).toBeNull()
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
