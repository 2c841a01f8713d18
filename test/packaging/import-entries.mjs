// Run by package.node.test.ts in a fresh `node` (no tsx, no DOM shim of ours): imports every JS entry of
// the package by its public name, as a server-rendering app would. Node has no window or document, so any
// use of them at import time throws and the entry is reported as failed. Prints JSON.
const imported = [];
const failed = [];
for (const specifier of process.argv.slice(2)) {
  try {
    const module = await import(specifier);
    imported.push({ specifier, exports: Object.keys(module).length });
  } catch (error) {
    failed.push({ specifier, error: String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ') });
  }
}
const leaked = ['window', 'document'].filter((name) => name in globalThis);
console.log(JSON.stringify({ imported, failed, leaked }));
