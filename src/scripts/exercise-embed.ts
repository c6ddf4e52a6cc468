/**
 * An exercise's embed (src/pages/embed/exercise/[name].astro): the link to the full tutorial keeps
 * the address's seed, and the head script (scripts/embed-boot.js) learns that the embed's scripts
 * load. The rest is every block's (src/scripts/exercises.ts; values in the address that cannot be
 * used are named when the exercise opens, src/scripts/exercise/main.ts).
 */
function start(): void {
  const open = document.querySelector<HTMLAnchorElement>('a[data-exercise-open]');
  const seed = new URLSearchParams(location.search).get('seed');
  if (open && seed) {
    const url = new URL(open.href);
    url.searchParams.set('seed', seed);
    open.href = url.href;
  }
  document.documentElement.setAttribute('data-embed-ready', '');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
