import { chromium } from 'playwright-core'
import { startStaticServer } from '/work/main/examples/static-server.mjs'
const server = await startStaticServer({ root: '/work/main', port: 0 })
server.setPage('/bench/busy.html', { body: `<!doctype html><title>x</title><script>
const t0=performance.now(); let x=0; for(let i=0;i<3e7;i++) x+=i%7; window.busy=performance.now()-t0</script>` })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: '--no-sandbox --disable-background-networking --disable-component-update --disable-gpu --no-first-run'.split(' ') })
for (const rate of [1, 4]) {
  for (const mode of ['blank-first', 'same-origin-first']) {
    const ctx = await browser.newContext(); const page = await ctx.newPage()
    if (mode === 'same-origin-first') await page.goto(server.url + '/bench/busy.html')
    const cdp = await ctx.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    await cdp.send('Performance.enable')
    await page.goto(server.url + '/bench/busy.html?2')
    const busy = await page.evaluate(() => window.busy)
    const m = (await cdp.send('Performance.getMetrics')).metrics.filter(m => /Script|Task|Heap/.test(m.name))
    console.log(rate, mode, busy.toFixed(1), JSON.stringify(m.map(x=>[x.name,x.value])))
    await ctx.close()
  }
}
await browser.close(); await server.close()
