/**
 * The crash test's mechanism, in `npm test`: three SIGKILL trials on SQLite with a small
 * generated import. The full run (50 trials, both stores) is scripts/reliability/crash.ts.
 */
import { describe, expect, it } from 'vitest';
import { runCrash } from '../../scripts/reliability/crash.js';

describe('crash test mechanism', () => {
  it('kills the worker mid-run three times and finds every document whole or absent and every acknowledged write present', async () => {
    const { summaries, trials } = await runCrash({ stores: ['sqlite'], trials: 3, seed: 7, docs: 3, claimsPerDoc: 40 });
    expect(trials).toHaveLength(3);
    expect(summaries[0]).toMatchObject({ store: 'sqlite', trials: 3, violations: 0, docsPartial: 0, editsLost: 0, integrityFailures: 0 });
    for (const t of trials) expect(t.violations).toEqual([]);
    // The calibration run acknowledged everything, so acknowledgements are being recorded at all.
    expect(trials.some((t) => t.docsAcked > 0 || t.editsAcked > 0) || trials.every((t) => t.killed)).toBe(true);
  }, 240_000);
});
