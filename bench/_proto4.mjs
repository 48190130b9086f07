import { chromium } from 'playwright-core'
import { readFileSync, writeFileSync } from 'node:fs'
import { startStaticServer } from '../examples/static-server.mjs'
import { runOnce } from './scenarios.mjs'
const server = await startStaticServer({ root: '/work/main', port: 0 })
const src = readFileSync('bench/_proto3.mjs', 'utf8').match(/const work = `([\s\S]*?)`/)[1]
server.setPage('/dist/calib.js', { type: 'text/javascript', body: src })
server.setPage('/bench/calib.html', { body: '<!doctype html><title>c</title><script src="/dist/calib.js"></script>' })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: '--no-sandbox --disable-background-networking --disable-component-update --disable-gpu --no-first-run'.split(' ') })
process.env.RAW_TRACE = '1'
const r = await runOnce(browser, { url: server.url + `/bench/calib.html`, waitFor: 'ready', trace: true })
writeFileSync('/tmp/benchproto/calib.json', JSON.stringify(r.trace))
console.log(JSON.stringify(r.measured))
await browser.close(); await server.close()
