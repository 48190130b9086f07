import { chromium } from 'playwright-core'
import { startStaticServer } from '../examples/static-server.mjs'
import { runOnce } from './scenarios.mjs'
const server = await startStaticServer({ root: '/work/main', port: 0 })
const work = `
function spin(n){ let x=0; for(let i=0;i<n;i++) x+=i%7; return x }
window.__measured = []
function timed(label, n){ const t=performance.now(); spin(n); window.__measured.push([label, performance.now()-t]) }
timed('sync', 2e6)
Promise.resolve().then(()=>timed('micro', 2e6))
;(async()=>{ await fetch(location.href); timed('afterfetch', 2e6); await new Promise(r=>setTimeout(r,10)); timed('timer', 2e6); window.journeykit = { ready: Promise.resolve(), flush(){} } })()
`
server.setPage('/dist/calib.js', { type: 'text/javascript', body: work })
server.setPage('/bench/calib.html', { body: '<!doctype html><title>c</title><script src="/dist/calib.js"></script>' })
server.setPage('/bench/blank.html', { body: '<!doctype html><title>c</title><p>hi</p>' })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: '--no-sandbox --disable-background-networking --disable-component-update --disable-gpu --no-first-run'.split(' ') })
for (const trace of [false, true, false, true]) {
  for (const p of ['blank', 'calib']) {
    const ctx0 = browser
    const r = await runOnce(browser, { url: server.url + `/bench/${p}.html`, waitFor: p === 'calib' ? 'ready' : 'load', trace })
    console.log(p, trace, JSON.stringify(r.measured?.map(x=>+x[1].toFixed(1))), 'script', r.scriptMs.toFixed(1), 'task', r.taskMs.toFixed(1), JSON.stringify(r.trace))
  }
}
const ctx = await browser.newContext(); const page = await ctx.newPage(); const cdp = await ctx.newCDPSession(page)
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
await page.goto(server.url + '/bench/calib.html'); await page.waitForTimeout(300)
console.log(await page.evaluate(() => JSON.stringify(window.__measured)))
await browser.close(); await server.close()
