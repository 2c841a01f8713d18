// The script-tag files are written as ASCII (scripts/ascii-only.mjs), with their source maps moved to match.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode, encode } from '@jridgewell/sourcemap-codec';
// @ts-expect-error: a plain .mjs build script, without types
import { asciiOnly } from '../../scripts/ascii-only.mjs';

describe('ASCII script-tag files', () => {
  it('escapes every other character, means the same, and keeps the source map on the same code', () => {
    const code = 'const a = `•••• ${"…"}`, b = /[^.!?…。]$/u.test("Ok…"), c = "😀";\nlet d = "é" + a;';
    // Segments at the start of `b`, `c` (line 1) and `a` (line 2), each mapped to a source line.
    const at = (line: string, needle: string) => line.indexOf(needle);
    const [l1, l2] = code.split('\n');
    const map = { version: 3, sources: ['x.ts'], names: [], mappings: encode([[[at(l1, 'b ='), 0, 1, 0], [at(l1, 'c ='), 0, 2, 0]], [[at(l2, 'a;'), 0, 3, 0]]]) };
    const result = asciiOnly(code, map) as { code: string; map: typeof map };
    assert.match(result.code, /^[\x00-\x7e]*$/);
    assert.deepEqual(new Function(`${result.code}; return [a, b, c, d];`)(), new Function(`${code}; return [a, b, c, d];`)());
    const [o1, o2] = result.code.split('\n');
    assert.deepEqual(decode(result.map.mappings), [[[at(o1, 'b ='), 0, 1, 0], [at(o1, 'c ='), 0, 2, 0]], [[at(o2, 'a;'), 0, 3, 0]]]);
  });
});
