// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { sandboxMiddleware } from './scripts/sandbox-middleware.mjs';
import { chromiumArgs, findChrome } from './scripts/chrome.mjs';
import { minifyTemplateLiterals } from './scripts/minify-literals.mjs';

/**
 * The kit's sources as they ship: template literals minified as every build does (scripts/minify-literals.mjs),
 * with their line breaks kept so that stack traces point at the right lines.
 */
const shippedLiterals = {
  name: 'mono-minify-literals',
  transform(context) {
    if (!context.path.startsWith('/src/') || !context.path.endsWith('.ts')) return undefined;
    const minified = minifyTemplateLiterals(context.body, context.path, { keepLines: true });
    return minified ? { body: minified.toString() } : undefined;
  },
};

/**
 * Code that cannot load, as offline: with the cookie `mono-unreachable=<path start>` set by a test, modules under that
 * path answer 503 (test/elements/connect-button/prefetch-offline.test.ts). Those modules are never cached, since the
 * runner lets pages keep every module for a year and an earlier page's copy would load without asking.
 */
const MAY_BE_UNREACHABLE = ['/src/connect/prefetch'];
const unreachableModules = async (ctx, next) => {
  if (MAY_BE_UNREACHABLE.some((path) => ctx.path.startsWith(path))) {
    // The runner's cache header is set after this middleware returns: it becomes no-store.
    const set = ctx.response.set.bind(ctx.response);
    ctx.response.set = (field, value) => set(field, String(field).toLowerCase() === 'cache-control' ? 'no-store' : value);
  }
  const start = ctx.cookies.get('mono-unreachable');
  if (start && ctx.path.startsWith(decodeURIComponent(start))) ctx.status = 503;
  else await next();
};

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: true,
  plugins: [shippedLiterals, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  // The real sandbox answers /api/mono during browser tests, exactly as under `npm start`.
  middleware: [unreachableModules, await sandboxMiddleware()],
  // Chromium runs in Lagos time (UTC+1, as most of the kit's users), Firefox and WebKit in the machine's (UTC in
  // CI), so a date shown on the wrong day in either zone fails somewhere. MONO_TEST_TZ picks another zone.
  browsers: [
    chromeLauncher({
      // Each test file in a window of its own: a second tab would be hidden, where Chromium pauses animation frames
      // and slows timers (a chart test waited for ever).
      createPage: ({ context }) => context.newPage({ type: 'window' }),
      launchOptions: {
        executablePath: findChrome() ?? '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
        env: { ...process.env, TZ: process.env.MONO_TEST_TZ ?? 'Africa/Lagos' },
      },
    }),
  ],
  reporters: [defaultReporter(), countReporter()],
  // Two test files at a time: one alone leaves 40 % of two cores idle (its timers and the sandbox's latencies); 245 s → 190–210 s.
  // Firefox and WebKit stay at one (web-test-runner.browsers.config.mjs): their windows compete for focus.
  concurrency: process.env.MONO_TEST_TIMES ? 1 : 2,
  testFramework: { config: { timeout: 10000 } },
};
