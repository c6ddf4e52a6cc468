/**
 * The README's two commands are the ones CI and the fresh-machine check run, so
 * that what a newcomer is told and what is tested cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** The commands of the first shell block under "## Two commands", without their comments. */
function readmeCommands(): string[] {
  const readme = read('README.md');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Two commands'));
  if (!section) throw new Error('README has no "## Two commands" section');
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('"## Two commands" has no ```sh block');
  return block
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

/** Lines of a shell script that are commands (no comments, no blank lines). */
function commandLines(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

describe('the README’s two commands', () => {
  const [serve, test] = readmeCommands();

  it('are exactly two: install and serve, then every test', () => {
    expect(readmeCommands()).toEqual(['npm ci && npm start', 'npm test']);
  });

  it('are what CI runs, after it has made sure of a browser: the install half of the first, then the second', () => {
    const lines = commandLines(read('.ci/run'));
    const install = serve?.split('&&')[0]?.trim();
    expect(lines.slice(-2)).toEqual([install, test]);
    // CI takes the newcomer's path: it prepares no Node of its own.
    expect(lines.join('\n')).not.toMatch(/node@|\.tools|nvm|PATH=/);
  });

  it('are what the fresh-machine check runs, word for word', () => {
    const script = read('scripts/fresh-machine-check.sh');
    expect(/^SERVE_COMMAND='(.*)'$/m.exec(script)?.[1]).toBe(serve);
    expect(/^TEST_COMMAND='(.*)'$/m.exec(script)?.[1]).toBe(test);
  });

  it('serve on the address the README and the check name', () => {
    const readme = read('README.md');
    const address = /^ADDRESS="(.*)"$/m.exec(read('scripts/fresh-machine-check.sh'))?.[1];
    expect(address).toBeTruthy();
    expect(readme).toContain(address?.replace(/\/$/, ''));
  });
});
