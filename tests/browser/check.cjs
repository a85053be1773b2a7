// Opens an HTML export in headless Chromium and reports what a reader's browser sees, as JSON:
// console errors, requests for anything outside the file, axe-core violations (WCAG 2.1 A and
// AA; at desktop, phone and 320 px width, each in the light and the dark scheme), whether every
// contents link scrolls to its section, where the first Tab lands, which links in running text
// are not underlined in the dark scheme, where the first heading's
// text and the charts' text lie, with its size, and which captions are cut off (at desktop,
// phone and 320 px width: `geometry`), and the files it wrote (first-screen screenshots at
// phone and desktop width, in both schemes, and the page printed to PDF).
//
// usage: node check.cjs PAGE.html OUT_DIR
// environment: MHT_NODE_MODULES (where playwright-core and axe-core are installed),
//              CHROMIUM (the browser; default /usr/bin/chromium)
"use strict";

const path = require("node:path");
const modules = process.env.MHT_NODE_MODULES;
const { launch, screenshot } = require("./chromium.cjs");
const axeSource = path.join(modules, "axe-core", "axe.min.js");

const [page_path, out_dir] = process.argv.slice(2);
const url = "file://" + path.resolve(page_path);

async function open(browser, viewport, report, colorScheme = "light") {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") report.console.push(m.text());
  });
  page.on("pageerror", (e) => report.console.push(String(e)));
  page.on("requestfailed", (r) => report.console.push("request failed: " + r.url()));
  // The page needs nothing outside the file: anything else it asks for is reported.
  page.on("request", (r) => {
    if (r.url() !== url) report.requests.push(r.url());
  });
  await page.goto(url, { waitUntil: "load" });
  return { context, page };
}

// axe-core's WCAG 2.1 A and AA rules on a page as it is laid out now.
async function runAxe(page) {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    })
  );
}

// Where the page's parts lie, in CSS pixels: the document's direction, the content box of the
// body, the first heading's text (its glyphs, not its block), and every chart label's box.
async function geometry(page) {
  return page.evaluate(() => {
    const body = document.body;
    const style = getComputedStyle(body);
    const box = body.getBoundingClientRect();
    const content = {
      left: box.left + parseFloat(style.paddingLeft),
      right: box.right - parseFloat(style.paddingRight),
    };
    const h1 = document.querySelector("h1");
    const range = document.createRange();
    range.selectNodeContents(h1);
    const text = range.getBoundingClientRect();
    // Every piece of a chart's text: labels, figures and the scale, with its size.
    const labels = [
      ...document.querySelectorAll(".chart-label, .chart-value, .chart-scale text"),
    ].map((t) => {
      const r = t.getBoundingClientRect();
      const size = parseFloat(getComputedStyle(t).fontSize);
      return { text: t.textContent, left: r.left, right: r.right, size };
    });
    // Every caption, with whatever cuts it off: the window's edges, or a box around it that
    // clips what overflows it.
    const clipped = [];
    for (const c of document.querySelectorAll("caption, .table-caption, figcaption")) {
      const r = c.getBoundingClientRect();
      if (r.left < -0.5 || r.right > window.innerWidth + 0.5) {
        clipped.push({ text: c.textContent, by: "window", left: r.left, right: r.right });
      }
      for (let box = c.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflowX === "visible") continue;
        const b = box.getBoundingClientRect();
        if (r.left < b.left - 0.5 || r.right > b.right + 0.5) {
          clipped.push({ text: c.textContent, by: box.className || box.tagName, right: r.right, box: b.right });
        }
      }
    }
    // How each part of a chart is painted: the bars' fill, and the stroke of the gridlines,
    // the zero line and the median's keyline and mark, as the browser computes them.
    const paint = [
      ...document.querySelectorAll(
        ".chart-bar, .chart-grid, .chart-zero, .chart-keyline, .chart-mark"
      ),
    ].map((e) => {
      const s = getComputedStyle(e);
      const kind = e.getAttribute("class");
      return { kind, paint: kind.startsWith("chart-bar") ? s.fill : s.stroke };
    });
    // How far each chart's strips stand from its scale: none, so that the bars meet the
    // scale's values.
    const offsets = [...document.querySelectorAll("figure.chart")].map((f) => {
      const strip = f.querySelector(".chart-strip").getBoundingClientRect();
      const scale = f.querySelector(".chart-scale").getBoundingClientRect();
      return { left: strip.left - scale.left, right: strip.right - scale.right };
    });
    return {
      paint,
      offsets,
      dir: getComputedStyle(document.documentElement).direction,
      width: window.innerWidth,
      content,
      heading: { left: text.left, right: text.right },
      labels,
      clipped,
    };
  });
}

(async () => {
  const report = { console: [], violations: [], toc: [], requests: [], files: {} };
  const browser = await launch();
  try {
    const { context, page } = await open(browser, { width: 1280, height: 800 }, report);
    report.files.desktop = path.join(out_dir, "desktop.png");
    await screenshot(page, { path: report.files.desktop });
    report.geometry = { desktop: await geometry(page) };

    const axe = await runAxe(page);
    const violations = (result, scheme) =>
      result.violations.map((v) => ({
        scheme,
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
    report.violations = violations(axe, "light");
    report.passes = axe.passes.length;

    // The first Tab lands on the skip link, and following it moves the focus to the guide.
    await page.keyboard.press("Tab");
    report.firstTab = await page.evaluate(() => {
      const a = document.activeElement;
      return a ? { href: a.getAttribute("href"), top: a.getBoundingClientRect().top } : null;
    });
    await page.keyboard.press("Enter");
    report.afterSkip = await page.evaluate(() => location.hash);
    await page.evaluate(() => window.scrollTo(0, 0));

    const hrefs = await page.$$eval("nav#toc a", (as) => as.map((a) => a.getAttribute("href")));
    for (const href of hrefs) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click(`nav#toc a[href="${href}"]`);
      await page.waitForFunction((h) => location.hash === h, href);
      const where = await page.evaluate((h) => {
        const target = document.getElementById(decodeURIComponent(h.slice(1)));
        const max = document.documentElement.scrollHeight - window.innerHeight;
        return {
          found: target !== null,
          top: target ? target.getBoundingClientRect().top : null,
          atEnd: Math.abs(window.scrollY - max) < 2,
        };
      }, href);
      // A link works when its section is at the top of the window, or the page cannot scroll
      // further and the section is in view.
      const ok =
        where.found && (Math.abs(where.top) < 2 || (where.atEnd && where.top >= 0 && where.top < 800));
      report.toc.push({ href, ok, top: where.top });
    }
    await context.close();

    // The dark scheme: its own screenshots, and axe again for its colors.
    const dark = await open(browser, { width: 1280, height: 800 }, report, "dark");
    report.files.desktopDark = path.join(out_dir, "desktop-dark.png");
    await screenshot(dark.page, { path: report.files.desktopDark });
    report.violations.push(...violations(await runAxe(dark.page), "dark"));
    // Links inside running text that only their color tells apart from it: in the dark
    // scheme, where link and text colors stand closest, each must be underlined.
    report.bareLinks = await dark.page.evaluate(() =>
      [...document.querySelectorAll("p a, li a, td a, th a, figcaption a")]
        .filter((a) => !getComputedStyle(a).textDecorationLine.includes("underline"))
        .map((a) => a.textContent)
    );
    await dark.context.close();
    const phoneDark = await open(browser, { width: 390, height: 844 }, report, "dark");
    report.files.phoneDark = path.join(out_dir, "phone-dark.png");
    await screenshot(phoneDark.page, { path: report.files.phoneDark });
    report.violations.push(...violations(await runAxe(phoneDark.page), "phone, dark"));
    await phoneDark.context.close();

    const phone = await open(browser, { width: 390, height: 844 }, report);
    report.files.phone = path.join(out_dir, "phone.png");
    await screenshot(phone.page, { path: report.files.phone });
    report.violations.push(...violations(await runAxe(phone.page), "phone"));
    report.geometry.phone = await geometry(phone.page);
    report.phoneOverflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    // The narrowest screen WCAG's reflow asks for: 320 CSS pixels, in both schemes.
    for (const colorScheme of ["light", "dark"]) {
      const narrow = await open(browser, { width: 320, height: 640 }, report, colorScheme);
      report.violations.push(...violations(await runAxe(narrow.page), `320 px, ${colorScheme}`));
      if (colorScheme === "light") {
        report.geometry.narrow = await geometry(narrow.page);
        report.narrowOverflow = await narrow.page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth
        );
      }
      await narrow.context.close();
    }
    report.files.print = path.join(out_dir, "print.pdf");
    await phone.page.emulateMedia({ media: "print" });
    // The size of the running text on paper, in CSS pixels (12 points is 16 pixels).
    report.printText = await phone.page.evaluate(() => {
      const p = document.querySelector("section p") || document.body;
      return parseFloat(getComputedStyle(p).fontSize);
    });
    await phone.page.pdf({ path: report.files.print, format: "Letter" });
    await phone.context.close();
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
