/**
 * One seed for every property test, so that CI runs are reproducible: FUZZ_SEED=<n> replays a run,
 * FUZZ_SEED=random explores new cases (as a curator or developer should now and then, with a
 * larger FUZZ_RUNS). A failure prints the seed and the shrunk counterexample.
 */
import fc from 'fast-check';

const env = process.env.FUZZ_SEED;
export const FUZZ_SEED = env === 'random' ? Date.now() : Number(env ?? 20261125);
fc.configureGlobal({ seed: FUZZ_SEED });
