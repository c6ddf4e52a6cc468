// @ts-check
/**
 * `npm run lint:workflow`: every workflow in .github/workflows/ checked against the GitHub Actions
 * workflow schema (@action-validator/core, a WASM build of action-validator that carries the schema:
 * it runs offline), then what the schema cannot know: the inputs given to withastro/action. Exits 1
 * on any problem. Run from the project's root or anywhere: paths are taken from this file's place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const folder = join(root, '.github', 'workflows');

/**
 * withastro/action's inputs (its action.yml: node-version, package-manager, path), and why this
 * project gives none but `path`: node-version defaults to 22, which Astro 7 needs; package-manager is
 * detected from package-lock.json, and given explicitly it leaves the lockfile unset, so the cache
 * step hashes the whole workspace (the action's open bug).
 */
const ASTRO_ACTION_INPUTS = {
  path: '',
  'node-version': 'the default (22) is what Astro 7 needs, and the install brings the project’s own Node 22',
  'package-manager': 'detected from package-lock.json; given, it leaves the action’s lockfile unset and its cache hashes the whole workspace',
};

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems with the inputs a workflow gives withastro/action. @param {unknown} workflow @returns {string[]} */
export function astroActionProblems(workflow) {
  const problems = [];
  const jobs = isObject(workflow) && isObject(workflow['jobs']) ? Object.entries(workflow['jobs']) : [];
  for (const [job, body] of jobs) {
    const steps = isObject(body) && Array.isArray(body['steps']) ? body['steps'] : [];
    for (const step of steps) {
      if (!isObject(step) || typeof step['uses'] !== 'string' || !step['uses'].startsWith('withastro/action@')) continue;
      for (const input of Object.keys(isObject(step['with']) ? step['with'] : {})) {
        const why = Object.hasOwn(ASTRO_ACTION_INPUTS, input) ? ASTRO_ACTION_INPUTS[/** @type {keyof typeof ASTRO_ACTION_INPUTS} */ (input)] : 'not an input of the action';
        if (why) problems.push(`jobs.${job}: withastro/action input "${input}": ${why}`);
      }
    }
  }
  return problems;
}

const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
let failed = files.length === 0;
if (failed) console.error(`no workflow in ${folder}`);
for (const name of files) {
  const source = readFileSync(join(folder, name), 'utf8');
  const { errors } = validateWorkflow(source);
  const problems = [...errors.map((e) => `schema: ${e.title}${'path' in e ? ` at ${e.path}` : ''}${e.detail ? ` (${e.detail})` : ''}`), ...astroActionProblems(parse(source))];
  for (const problem of problems) console.error(`.github/workflows/${name}: ${problem}`);
  if (problems.length > 0) failed = true;
  else console.log(`.github/workflows/${name}: valid`);
}
process.exit(failed ? 1 : 0);
