import { chromium } from 'playwright-core'
import { writeFileSync } from 'node:fs'
import { startStaticServer } from '../examples/static-server.mjs'
import { startCollector } from '../examples/collector/server.mjs'
import * as sc from './scenarios.mjs'
const server = await startStaticServer({ root: '/work/main', port: 0 })
const collector = await startCollector({ port: 0, file: '/tmp/benchproto/ev.ndjson' })
const blank = '<!doctype html><title>blank</title><p>hello</p>'
server.setPage('/bench/b.json', { type: 'application/json', body: JSON.stringify({version:1,items:{x:{kind:'focus',style:'modal',title:'Hi'}},rules:[{id:'r',on:'page_view',if:{'page.path':'/never'},show:'x'}]}) })
server.setPage('/bench/b.html', { body: blank + `<script async src="/dist/loader.js" data-config="/bench/b.json" data-collector="${collector.batchUrl}"></script>` })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: '--no-sandbox --disable-background-networking --disable-component-update --disable-gpu --no-first-run'.split(' ') })
const ctx = await browser.newContext(); const page = await ctx.newPage()
const cdp = await ctx.newCDPSession(page)
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 }); await cdp.send('Performance.enable')
await browser.startTracing(page, { categories: process.env.NOPROF ? sc.traceCategories.filter(c => !c.includes('cpu_profiler')) : sc.traceCategories })
await page.goto(server.url + '/bench/b.html'); await page.waitForTimeout(1500)
const { metrics } = await cdp.send('Performance.getMetrics')
console.log('ScriptDuration', metrics.find(m => m.name === 'ScriptDuration').value * 1000)
writeFileSync('/tmp/benchproto/b.json', await browser.stopTracing())
await browser.close(); await server.close(); await collector.close()
