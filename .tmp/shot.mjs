import { chromium } from 'playwright-core';
const [url, out, w, scroll] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: Number(w), height: 800 } });
await p.goto(url);
await p.evaluate((y) => window.scrollTo(0, y), Number(scroll||0));
await p.screenshot({ path: out });
await b.close();
