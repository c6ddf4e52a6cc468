/**
 * An exercise's embed (src/pages/embed/exercise/[name].astro): the link to the full tutorial keeps
 * the address's seed, links leave the frame in a new tab, and values in the address that cannot be
 * used are named. The head script (scripts/embed-boot.js) does the rest of what every embed does.
 */
import { symbolText } from '../lib/labels';
import { paramsFromQuery } from '../lib/params';
import './exercises';

const root = document.documentElement;
const search = new URLSearchParams(location.search);

function start(): void {
  const open = document.querySelector<HTMLAnchorElement>('a[data-exercise-open]');
  const seed = search.get('seed');
  if (open && seed) {
    const url = new URL(open.href);
    url.searchParams.set('seed', seed);
    open.href = url.href;
  }
  const problems = paramsFromQuery(search).problems;
  const notice = document.querySelector<HTMLElement>('[data-embed-notice]');
  if (notice && problems.length > 0) {
    const list = document.createElement('ul');
    for (const problem of problems) {
      const item = document.createElement('li');
      item.textContent = `${symbolText(problem.name === 'trained' ? 'lr' : problem.name)}: ${problem.message} The dealt value is used.`;
      list.append(item);
    }
    notice.append(list);
    notice.hidden = false;
  }
  root.setAttribute('data-embed-ready', '');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
