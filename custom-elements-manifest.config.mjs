// Custom Elements Manifest from the elements' JSDoc (`npm run analyze`, also part of `npm run build`).
// scripts/generate.mjs turns the manifest into the VS Code data, the React wrappers and the JSX typings.

/**
 * Drops what the analyzer misreads: `emit(type, …)` in the base class reported as an event named "type" (it has
 * no description; every real event has its `@fires` line).
 */
function dropNonEvents() {
  return {
    name: 'mono-drop-non-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
          if (declaration.events?.length === 0) delete declaration.events;
        }
      }
      customElementsManifest.modules?.sort((a, b) => a.path.localeCompare(b.path));
      dedupeUnions(customElementsManifest);
    },
  };
}

/** `string | undefined | undefined` (an optional property typed `?: T | undefined`) reads as `string | undefined`. */
function dedupeUnions(node) {
  if (Array.isArray(node)) return node.forEach(dedupeUnions);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text' && typeof value === 'string') node.text = value.replace(/( \| undefined)+$/, ' | undefined');
    else dedupeUnions(value);
  }
}

/**
 * The global tokens (`--mono-sys-*`, `--mono-color-scheme`) are documented once, on `MonoElement`, and inherited by
 * the Lit elements; the connect button (no Lit, not a `MonoElement`) reads the same tokens and gets them here.
 */
function globalTokensOnEveryTag() {
  return {
    name: 'mono-global-tokens',
    packageLinkPhase({ customElementsManifest }) {
      const declarations = (customElementsManifest.modules ?? []).flatMap((m) => m.declarations ?? []);
      const global = declarations.find((d) => d.name === 'MonoElement')?.cssProperties ?? [];
      for (const d of declarations) {
        if (!d.tagName) continue;
        const own = new Set((d.cssProperties ?? []).map((p) => p.name));
        const missing = global.filter((p) => !own.has(p.name));
        if (missing.length) d.cssProperties = [...missing, ...(d.cssProperties ?? [])];
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts', 'src/core/mono-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/elements/**/define.ts'],
  outdir: process.env.MONO_CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: false,
  plugins: [dropNonEvents(), globalTokensOnEveryTag()],
};
