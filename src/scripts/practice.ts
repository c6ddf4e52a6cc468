/**
 * What /practice/ loads first: only the wish to use it. The answer key's code (./practice/main.ts,
 * with the exercises and the math) loads when a key is asked for, or progress forgotten.
 */
import mainUrl from './practice/main.ts?chunk-url';

type Main = typeof import('./practice/main');
let main: Promise<Main> | undefined;

const load = (use: (m: Main) => void): void => {
  main ??= import(/* @vite-ignore */ mainUrl);
  main.then(use, () => (main = undefined));
};

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.matches('[data-practice-key]')) return;
  event.preventDefault();
  load((m) => m.makeKey(form));
});
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-action="forget-exercises"]')) load((m) => m.forget());
});
