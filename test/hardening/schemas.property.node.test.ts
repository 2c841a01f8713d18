// Property-based: every schema, fed damaged versions of every valid sample, either returns a normalised
// value or an issue with a path; it never throws. The client, fed the same bodies over HTTP, either
// resolves with the normalised value or rejects with MonoError `invalid-response`. Prints the cases run.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MonoClient, MonoError } from '../../src/client/index.js';
import { damage, mutationsArb, normalisationProblem } from './mutations.js';
import { RESOURCES, RESOURCE_KEYS, type ResourceKey } from './resources.js';

const RUNS = Number(process.env.HARDENING_RUNS ?? 1000);
const cases = { schema: 0, client: 0, valid: 0, rejected: 0 };

/** How each client method reaches each resource (ids are arbitrary: the fetch answers). */
const CALLS: Record<ResourceKey, (c: MonoClient) => Promise<unknown>> = {
  initiate: (c) => c.initiate({ scope: 'auth', meta: { ref: 'ref_1' } }),
  exchange: (c) => c.exchange('code_1'),
  account: (c) => c.account('acc_1'),
  transactions: (c) => c.transactions('acc_1', { paginate: true, page: 1 }),
  statement: (c) => c.statement('acc_1', 3),
  statementJob: (c) => c.statementJob('acc_1', 'job_1'),
  identity: (c) => c.identity('acc_1'),
  incomeRecords: (c) => c.incomeRecords('acc_1'),
  incomeAnalysis: (c) => c.startIncomeAnalysis('acc_1'),
  assets: (c) => c.assets('acc_1'),
  earnings: (c) => c.earnings('acc_1'),
  sync: (c) => c.sync('acc_1'),
  job: (c) => c.job('acc_1', 'job_1'),
};

describe('malformed responses: every schema (fast-check)', () => {
  it('the normalisation check itself catches broken values', () => {
    assert.match(normalisationProblem({ balance: 12.5, currency: 'NGN' }) ?? '', /balance/);
    assert.match(normalisationProblem({ transactions: [{ amount: 1, currency: 'naira' }] }) ?? '', /currency/);
    assert.match(normalisationProblem({ date: '31-05-2025' }) ?? '', /date/);
    assert.match(normalisationProblem({ stability: Infinity }) ?? '', /finite/);
    assert.equal(normalisationProblem({ amount: 100, currency: 'NGN', date: '2025-05-31T17:42:00.000Z', stability: 0.9 }), null);
  });

  for (const key of RESOURCE_KEYS) {
    const spec = RESOURCES[key];
    spec.samples.forEach((sample, index) => {
      it(`${key} sample ${index}: valid sample parses`, () => {
        const r = spec.parse(sample);
        assert.ok(r.ok, r.ok ? '' : `${r.issue.path}: ${r.issue.message}`);
        assert.equal(normalisationProblem(r.value), null);
      });

      it(`${key} sample ${index}: damaged answers give a normalised value or an issue, never a throw`, () => {
        fc.assert(
          fc.property(mutationsArb, (mutations) => {
            const damaged = damage(sample, mutations);
            cases.schema++;
            // A body that is not JSON never reaches a schema: the client refuses it first (tested below).
            if ('raw' in damaged) return;
            const r = spec.parse(damaged.json);
            assert.equal(typeof r.ok, 'boolean');
            if (r.ok) {
              cases.valid++;
              const problem = normalisationProblem(r.value);
              assert.equal(problem, null, `normalised value broken: ${problem}`);
            } else {
              cases.rejected++;
              assert.equal(typeof r.issue.path, 'string');
              assert.ok(r.issue.message.length > 0);
            }
          }),
          { numRuns: RUNS },
        );
      });
    });
  }
});

describe('malformed responses: the client over HTTP (fast-check)', () => {
  for (const key of RESOURCE_KEYS) {
    const spec = RESOURCES[key];
    it(`${key}: resolves normalised or rejects invalid-response, nothing else`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...spec.samples), mutationsArb, async (sample, mutations) => {
          const damaged = damage(sample, mutations);
          cases.client++;
          const body = 'raw' in damaged ? damaged.raw : JSON.stringify(damaged.json);
          const client = new MonoClient({
            endpoint: 'http://host.test/api/mono',
            retries: 0,
            cacheTime: 0,
            fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
          });
          let value: unknown;
          try {
            value = await CALLS[key](client);
          } catch (e) {
            assert.ok(e instanceof MonoError, `not a MonoError: ${String(e)}`);
            assert.equal(e.kind, 'invalid-response', `${e.kind}: ${e.message}`);
            return;
          }
          assert.equal(normalisationProblem(value), null);
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    });
  }
});

after(() => {
  console.log(
    `hardening/schemas: ${cases.schema} damaged answers through ${RESOURCE_KEYS.length} schemas (${cases.valid} normalised, ${cases.rejected} rejected with a path), ` +
      `${cases.client} through the client; 0 exceptions escaped`,
  );
});
