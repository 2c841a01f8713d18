// The validator the model's schemas are written in: failures name the path and say what was expected.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from '../../src/model/schema.js';

const issue = <T>(schema: z.Schema<T>, input: unknown) => {
  const r = z.run(schema, input);
  if (r.ok) assert.fail(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.issue;
};

describe('model validator', () => {
  const row = z.object({ id: z.string(), tags: z.optional(z.array(z.string())), n: z.withDefault(z.number(), 0) });

  it('keeps only the declared keys and applies defaults to absent values only', () => {
    assert.deepEqual(z.run(row, { id: 'a', extra: 1 }), { ok: true, value: { id: 'a', n: 0 } });
    assert.deepEqual(issue(row, { id: 'a', n: null }), { path: 'n', message: 'expected number, got null' });
  });

  it('names the path of the first mismatch through arrays, objects and records', () => {
    assert.deepEqual(issue(z.array(row), [{ id: 'a' }, { id: 'b', tags: ['x', 7] }]), { path: '[1].tags[1]', message: 'expected string, got number' });
    assert.deepEqual(issue(z.object({ data: z.record(z.number()) }), { data: { NGN: 1, USD: '2' } }), { path: 'data.USD', message: 'expected number, got string' });
    assert.deepEqual(issue(row, []), { path: '', message: 'expected object, got array' });
    assert.deepEqual(issue(row, {}), { path: 'id', message: 'missing string' });
  });

  it('rejects NaN and infinities as numbers', () => {
    for (const n of [Number.NaN, Infinity, -Infinity]) assert.equal(z.run(z.number(), n).ok, false);
  });

  it('takes the first union option that accepts the value, and says so when none does', () => {
    const idOrObject = z.union([z.object({ id: z.string() }), z.string()]);
    assert.deepEqual(z.run(idOrObject, 'c1'), { ok: true, value: 'c1' });
    assert.deepEqual(z.run(idOrObject, { id: 'c1' }), { ok: true, value: { id: 'c1' } });
    assert.deepEqual(issue(z.object({ c: idOrObject }), { c: 4 }), { path: 'c', message: 'value matches none of the accepted shapes' });
  });

  it('lets a transform reject with a path relative to its value', () => {
    const signed = z.pipe(z.object({ amount: z.number() }), (v) => (v.amount === 0 ? z.fail('zero', ['amount']) : v));
    assert.deepEqual(issue(z.array(signed), [{ amount: 1 }, { amount: 0 }]), { path: '[1].amount', message: 'zero' });
  });

  it('reports a body that throws while being read instead of throwing itself', () => {
    const hostile = Object.defineProperty({}, 'id', { enumerable: true, get: () => { throw new Error('boom'); } });
    assert.deepEqual(issue(row, hostile), { path: '', message: 'unreadable response: Error: boom' });
  });
});
