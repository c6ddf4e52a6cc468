// @ts-check
/**
 * `npm run build:sub`: builds the site under the course sub-path of subpath.config.mjs into its own
 * folder, for the browser tests' second run. The same `astro build` as `npm run build`, with the
 * environment astro.config.mjs reads (set here rather than in package.json, so it works in any shell).
 */
import { spawnSync } from 'node:child_process';
import { subpathEnv } from '../subpath.config.mjs';

// npm puts node_modules/.bin first on the PATH of its scripts: this is the project's Astro, on its Node 22.
const result = spawnSync('astro', ['build'], { stdio: 'inherit', shell: true, env: { ...process.env, ...subpathEnv() } });
process.exit(result.status ?? 1);
