// First contentful paint of each dashboard page (docs/performance.md), in Debian's Chromium, headless, 1366x768:
// each page once (the first visit: its analytics are computed, then cached), then 3 times; prints the first visit,
// and the median and the maximum of the 3.
// Usage (Node.js and the npm package playwright-core; neither is needed to build or run Entente):
//   npm i playwright-core && node benchmarks/web/first-paint.js http://127.0.0.1:5080/
const { chromium } = require('playwright-core');
const base = process.argv[2] || 'http://127.0.0.1:5080/';
const pages = ['', 'pair/PAK/RUS', 'pair/USA/CHN', 'event/500000', 'actor/PAK', 'events', 'events?pair=PAK,RUS', 'ingest'];
(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  for (const p of pages) {
    const times = [];
    let first = 0;
    for (let i = 0; i < 4; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(base + p, { waitUntil: 'load', timeout: 60000 });
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10000 });
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
      if (i > 0) times.push(fcp); else first = fcp;
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`/${p}`.padEnd(28) + ` first ${first.toFixed(0).padStart(6)} ms  median ${times[1].toFixed(0).padStart(6)} ms  max ${times[2].toFixed(0).padStart(6)} ms`);
  }
  await browser.close();
})();
