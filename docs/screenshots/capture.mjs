// Saves screenshots of the Aspire dashboard: the resources page and one request's trace.
// Usage: node capture.mjs <dashboard-url> <trace-id> <output-dir>
import puppeteer from 'puppeteer-core';

const [dashboard, traceId, outDir] = process.argv.slice(2);
if (!dashboard || !traceId || !outDir) {
  console.error('usage: node capture.mjs <dashboard-url> <trace-id> <output-dir>');
  process.exit(2);
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  defaultViewport: { width: 1600, height: 900 },
});

// Blazor renders after load: wait for the element that proves the page is populated, then a short settle.
async function shoot(path, waitForText, file) {
  const page = await browser.newPage();
  await page.goto(new URL(path, dashboard).toString(), { waitUntil: 'networkidle2', timeout: 60_000 });
  await page.waitForFunction(t => document.body && document.body.innerText.includes(t), { timeout: 60_000 }, waitForText);
  await new Promise(r => setTimeout(r, 1500));
  await page.screenshot({ path: `${outDir}/${file}`, fullPage: false });
  await page.close();
  console.log(`saved ${outDir}/${file}`);
}

try {
  await shoot('/', 'gateway', 'dashboard-resources.png');
  await shoot(`/traces/detail/${traceId}`, 'classifier', 'dashboard-trace.png');
} finally {
  await browser.close();
}
