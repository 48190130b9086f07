import { chromium } from 'playwright-core'
import { writeFileSync } from 'node:fs'
import { startStaticServer } from '../examples/static-server.mjs'
import { startCollector } from '../examples/collector/server.mjs'
import { runOnce } from './scenarios.mjs'
const server = await startStaticServer({ root: '/work/main', port: 0 })
const collector = await startCollector({ port: 0, file: '/tmp/benchproto/ev.ndjson' })
const blank = '<!doctype html><title>blank</title><p>hello</p>'
server.setPage('/bench/c.json', { type: 'application/json', body: JSON.stringify({version:1,items:{x:{kind:'focus',style:'modal',title:'Hi'}},rules:[{id:'r',on:'page_view',if:{'page.path':{$startsWith:'/'}},show:'x'}]}) })
server.setPage('/bench/c.html', { body: blank + `<script async src="/dist/loader.js" data-config="/bench/c.json" data-collector="${collector.batchUrl}"></script>` })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: '--no-sandbox --disable-background-networking --disable-component-update --disable-gpu --no-first-run'.split(' ') })
const r = await runOnce(browser, { url: server.url + '/bench/c.html', waitFor: 'item', collector, trace: true })
const t = r.trace; r.requests = r.requests.length; writeFileSync("/tmp/benchproto/trace.json", JSON.stringify(t))
console.log(JSON.stringify(r))

await browser.close(); await server.close(); await collector.close()
