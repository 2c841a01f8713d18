// @ts-check
// The same browser tests as web-test-runner.config.mjs, in other engines (all from Debian's packages, no
// browser downloads): Firefox ESR driven over WebDriver BiDi by puppeteer-core (no geckodriver), and
// WebKitGTK's MiniBrowser driven by WebKitWebDriver. Choose with WTR_BROWSERS=firefox,webkit,chromium
// (default firefox,webkit: Chromium has its own run). WebKit needs an X display and a running
// `WebKitWebDriver --port=$WEBKIT_DRIVER_PORT`; scripts/test-engines.mjs provides both.
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteerCore from 'puppeteer-core';
import base from './web-test-runner.config.mjs';
import { chromiumArgs, findChrome } from './scripts/chrome.mjs';

const wanted = (process.env.WTR_BROWSERS ?? 'firefox,webkit')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const launchers = {
  chromium: () => chromeLauncher({ launchOptions: { executablePath: findChrome() ?? '/usr/bin/chromium', headless: true, args: chromiumArgs } }),
  firefox: () =>
    chromeLauncher({
      puppeteer: /** @type {any} */ (puppeteerCore),
      launchOptions: { browser: 'firefox', executablePath: process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr', headless: true },
    }),
  webkit: () =>
    webdriverLauncher({
      hostname: '127.0.0.1',
      port: Number(process.env.WEBKIT_DRIVER_PORT ?? 4444),
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // webdriverio 9 otherwise asks for a BiDi session, which WebKitWebDriver refuses.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary: process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation'],
        },
      },
    }),
};

export default {
  ...base,
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : base.files,
  browsers: wanted.map((name) => {
    const make = launchers[/** @type {keyof typeof launchers} */ (name)];
    if (!make) throw new Error(`unknown browser ${name} (chromium, firefox, webkit)`);
    return make();
  }),
  concurrency: 1,
  // Firefox and MiniBrowser start slower than Chromium on a busy 2-core machine.
  browserStartTimeout: 60_000,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 20_000 } },
};
