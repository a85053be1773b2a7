// Starts Debian's Chromium headless for the browser tests, with the flags this machine needs:
// no sandbox (the tests run as root), and none of the background traffic a closed network
// refuses.
//
// environment: MHT_NODE_MODULES (where playwright-core is installed),
//              CHROMIUM (the browser; default /usr/bin/chromium)
"use strict";

const path = require("node:path");
const { chromium } = require(path.join(process.env.MHT_NODE_MODULES, "playwright-core"));

const flags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

exports.launch = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: flags });

// A screenshot, taken again when headless Chromium answers "Unable to capture screenshot":
// on a loaded machine the compositor sometimes has no frame yet. Anything else is an error at
// once, and so is a third failure.
exports.screenshot = async (page, options) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.screenshot(options);
    } catch (e) {
      if (attempt >= 3 || !String(e).includes("Unable to capture screenshot")) throw e;
      await new Promise((done) => setTimeout(done, 500 * attempt));
    }
  }
};
