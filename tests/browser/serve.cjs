// Drives `mht-guide serve` in headless Chromium as an editor would, and reports what it saw,
// as JSON: an edit of a FAQ answer appears without a reload by hand, a broken file shows the
// located diagnostic, the fix brings the guide back, and the PDF link downloads the edited
// guide. Screenshots of the preview and of the problems page, at desktop and phone widths.
//
// usage: node serve.cjs URL FAQ_TOML OUT_DIR
// environment: MHT_NODE_MODULES (where playwright-core is installed),
//              CHROMIUM (the browser; default /usr/bin/chromium)
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { launch, screenshot } = require("./chromium.cjs");

const [url, faq, out] = process.argv.slice(2);

/// Milliseconds until `test` holds, polling the page, or a failure after `limit`.
async function within(limit, what, test) {
  const start = Date.now();
  while (Date.now() - start < limit) {
    if (await test().catch(() => false)) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${limit} ms: ${what}`);
}

(async () => {
  const report = { console: [], steps: {} };
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => report.console.push(String(e)));
    await page.goto(url, { waitUntil: "load" });
    await screenshot(page, { path: path.join(out, "preview-desktop.png") });
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phonePage = await phone.newPage();
    await phonePage.goto(url, { waitUntil: "load" });
    await screenshot(phonePage, { path: path.join(out, "preview-phone.png") });
    // Wait for the page to be listening before the first save.
    await page.waitForTimeout(300);

    const original = fs.readFileSync(faq, "utf8");
    const edited = original.replace(
      "No. Technicians typically need",
      "No. Riverside trains its technicians itself, and technicians typically need"
    );
    if (edited === original) throw new Error("the FAQ answer to edit was not found");
    fs.writeFileSync(faq, edited);
    report.steps.edit = await within(2000, "the edit shows", async () =>
      (await page.content()).includes("Riverside trains its technicians itself")
    );
    report.steps.scrolled = await page.evaluate(() => window.location.hash);

    fs.writeFileSync(faq, edited + "\nbroken = [\n");
    report.steps.broken = await within(2000, "the diagnostic shows", async () => {
      const text = await page.content();
      return text.includes("faq.toml:") && text.includes("invalid TOML");
    });
    report.problems = await page.evaluate(() => document.querySelector("pre").innerText);
    await screenshot(page, { path: path.join(out, "problems-desktop.png") });
    await screenshot(phonePage, { path: path.join(out, "problems-phone.png") });

    fs.writeFileSync(faq, edited);
    report.steps.fixed = await within(2000, "the guide is back", async () =>
      (await page.content()).includes("Riverside trains its technicians itself")
    );

    // The PDF the page links to, fetched as the browser would.
    const href = await page.getAttribute("nav.mht-preview a[href$='.pdf']", "href");
    const response = await context.request.get(new URL(href, url).toString());
    if (!response.ok()) throw new Error("the PDF link answered " + response.status());
    const pdf = path.join(out, "guide.pdf");
    fs.writeFileSync(pdf, await response.body());
    report.pdf = pdf;
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report));
})().catch((e) => {
  process.stderr.write(String(e.stack || e));
  process.exit(1);
});
