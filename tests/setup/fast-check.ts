import fc from 'fast-check';

// Property tests draw new cases on every run on a developer's machine, which is how they find bugs.
// Under CI they draw the same cases every time, so a verdict belongs to the code and not to the draw;
// FC_SEED replays a reported counterexample anywhere.
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261204' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
