import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";
const { server, url } = (await startServer({ dir: "dist", port: 0 })) as any;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
for (const [name, path, y] of JSON.parse(process.argv[2]!)) {
  await page.goto(url + path, { waitUntil: "networkidle" });
  if (y) await page.evaluate((y) => window.scrollTo(0, y), y);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
}
await browser.close(); server.close();
