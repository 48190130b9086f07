import { describe, expect, it } from 'vitest'
import { classicStart, globalKey, lazyFromGlobal } from './site-chunks.mjs'

describe('classicStart: the start chunk as a classic script', () => {
  const start = classicStart('function e(){return import("./ui.X.js")}const t=1;e();export{e as a,t as b,e as start};')

  it('puts the exports on one global object and resolves import() against the script', () => {
    expect(start).toContain(`${globalKey}=${globalKey}||{a:e,b:t,start:e};`)
    expect(start).toContain('import($jk("./ui.X.js"))')
    expect(start).not.toContain('export')
    expect(start.startsWith('!function($jk){"use strict";')).toBe(true)
  })

  it('runs as a script: chunk URLs beside its own, the exports on the global', async () => {
    const imported: string[] = []
    const self: Record<symbol, unknown> = {}
    const document = { currentScript: { src: 'https://shop.example/js/journeykit.js?v=1' } }
    const code = start.replaceAll('import(', 'load(')
    new Function('self', 'document', 'load', code)(self, document, (url: string) => imported.push(url))
    expect(imported).toEqual(['https://shop.example/js/ui.X.js'])
    expect(Object.keys(self[Symbol.for('journeykit.site')] as object)).toEqual(['a', 'b', 'start'])
  })

  it.each([
    ['a static import', 'import{x}from"./y.js";x();'],
    ['import.meta', 'console.log(import.meta.url);'],
    ['the resolver name', 'const $jk=1;export{$jk as a};'],
    ['an export reassigned later', 'let e=1;function f(){e=2}f();export{e as a};'],
  ])('refuses %s', (_name, code) => {
    expect(() => classicStart(code)).toThrow('site start chunk')
  })

  it('lets a const through, and a let that is never assigned', () => {
    expect(() => classicStart('let e=1;const t=2;export{e as a,t as b};')).not.toThrow()
  })
})

describe('lazyFromGlobal: a lazy chunk reads the start chunk’s exports from the global', () => {
  it.each([
    ['named imports', 'import{a as t,b}from"./start.js";t(b);', `const{a:t,b}=${globalKey};t(b);`],
    ['a default import', 'import t from"./start.js";t();', `const{default:t}=${globalKey};t();`],
    [
      'imports of other chunks kept',
      'import{a as t}from"./start.js";import{n}from"./other.X.js";t(n);',
      `const{a:t}=${globalKey};import{n}from"./other.X.js";t(n);`,
    ],
    ['nothing to change', 'export const a=1;', 'export const a=1;'],
  ])('%s', (_name, code, expected) => {
    expect(lazyFromGlobal(code, 'start.js')).toBe(expected)
  })

  it('refuses a namespace import of the start chunk', () => {
    expect(() => lazyFromGlobal('import*as s from"./start.js";s.a();', 'start.js')).toThrow('namespace')
  })
})
