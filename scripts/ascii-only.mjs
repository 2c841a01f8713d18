// The script-tag files as ASCII: every other character written as a \uXXXX escape, with the source map's
// columns moved to match. A page without <meta charset> (or a server that names no charset) would otherwise
// read the kit's "•" and "…" as windows-1252 ("â€¢"); esbuild escapes by default for the same reason.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { decode, encode } from '@jridgewell/sourcemap-codec';

/** `code` with every non-ASCII UTF-16 unit escaped, and `map` (a parsed source map) moved to match. */
export function asciiOnly(code, map) {
  const lines = code.split('\n');
  /** Per line, the columns (UTF-16 units) of the escaped characters, in order. */
  const escapedAt = lines.map((line) => {
    const columns = [];
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) > 0x7e) columns.push(i);
    return columns;
  });
  const out = lines.map((line) => line.replace(/[^\x00-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('\n');
  if (map) {
    const mappings = decode(map.mappings);
    mappings.forEach((segments, line) => {
      const columns = escapedAt[line] ?? [];
      let before = 0;
      // Segments are in column order: each escape before a segment moves it 5 columns on.
      for (const segment of segments) {
        while (before < columns.length && columns[before] < segment[0]) before++;
        segment[0] += 5 * before;
      }
    });
    map = { ...map, mappings: encode(mappings) };
  }
  return { code: out, map };
}

/** Rewrites `file` (and `file.map` beside it) in place. */
export function asciiOnlyFile(file) {
  const code = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7e]/.test(code)) return;
  const mapFile = `${file}.map`;
  const map = existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : undefined;
  const result = asciiOnly(code, map);
  writeFileSync(file, result.code);
  if (result.map) writeFileSync(mapFile, JSON.stringify(result.map));
}
