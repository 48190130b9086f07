import { describe, expect, it } from 'vitest'
import { refusalOf, type RequestFacts } from './security.js'

const token = '0123456789abcdef0123456789abcdef'
const port = 4321
const ok = { url: `/api/file?token=${token}`, host: `127.0.0.1:${port}` }

describe('refusalOf: who may talk to the studio', () => {
  it.each([
    ['the token in the URL', ok],
    ['the token in the header', { url: '/api/file', host: `127.0.0.1:${port}`, token }],
    ["a runtime chunk with the token in its path (the preview's ui.js imports ./core.js)", { ...ok, url: `/runtime/${token}/core.js` }],
    ['localhost', { ...ok, host: `localhost:${port}` }],
    ['LOCALHOST (host names have no case)', { ...ok, host: `LOCALHOST:${port}` }],
    ["the studio's own page as Origin", { ...ok, origin: `http://127.0.0.1:${port}` }],
    ['localhost as Origin', { ...ok, origin: `http://localhost:${port}` }],
  ] as Array<[string, RequestFacts]>)('answers %s', (_name, request) => {
    expect(refusalOf(request, token, port)).toBeNull()
  })

  it('takes a Host and Origin without the port on port 80, as browsers send them', () => {
    expect(refusalOf({ url: ok.url, host: 'localhost', origin: 'http://localhost' }, token, 80)).toBeNull()
    expect(refusalOf({ url: ok.url, host: '127.0.0.1:80' }, token, 80)).toBeNull()
    expect(refusalOf({ url: ok.url, host: '127.0.0.1' }, token, port)).toMatch(/Host header/)
  })

  it.each([
    ['no token', { ...ok, url: '/api/file' }, /token is missing or wrong/],
    ['a wrong token', { ...ok, url: `/api/file?token=${token.replace('0', '1')}` }, /token is missing or wrong/],
    ['a token one character short', { ...ok, url: `/api/file?token=${token.slice(1)}` }, /token is missing or wrong/],
    ['an empty token', { ...ok, url: '/api/file?token=' }, /token is missing or wrong/],
    ['a wrong token in a runtime path', { ...ok, url: `/runtime/${token.replace('0', '1')}/ui.js` }, /token is missing or wrong/],
    ['the token as any other path', { ...ok, url: `/api/${token}/file` }, /token is missing or wrong/],
    ['a wrong header token, even with the right one in the URL', { ...ok, token: 'nope' }, /token is missing or wrong/],
    ['Host: evil.example (DNS rebinding)', { ...ok, host: 'evil.example' }, /Host header is not the studio's \(127\.0\.0\.1:4321\)/],
    ['Host: evil.example on the right port', { ...ok, host: `evil.example:${port}` }, /Host header/],
    ['another port', { ...ok, host: '127.0.0.1:80' }, /Host header/],
    ['no Host', { url: ok.url }, /Host header/],
    ['a foreign Origin', { ...ok, origin: 'https://evil.example' }, /another site/],
    ['Origin: null (a sandboxed frame, a file: page)', { ...ok, origin: 'null' }, /another site/],
    ['https to the same host', { ...ok, origin: `https://127.0.0.1:${port}` }, /another site/],
  ] as Array<[string, RequestFacts, RegExp]>)('refuses %s', (_name, request, reason) => {
    expect(refusalOf(request, token, port)).toMatch(reason)
  })
})
