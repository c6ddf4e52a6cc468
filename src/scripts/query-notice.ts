/**
 * The notice naming the address's values that could not be used, built from text (never markup).
 * Loaded by the toolbar (./toolbar.ts) only for an address that has such values.
 */
import type { QueryProblem } from '../lib/params';
import { dismissQueryProblems } from '../state/tutorial';

/** The notice for `problems` (at least one). */
export function queryNotice(problems: readonly QueryProblem[]): HTMLElement {
  const notice = document.createElement('div');
  notice.className = 'notice';
  notice.setAttribute('role', 'status');
  notice.dataset['notice'] = 'query';
  const intro = document.createElement('p');
  intro.textContent = "Some values in the address could not be used; the article's values stand in for them:";
  const list = document.createElement('ul');
  for (const p of problems) {
    const item = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = p.name;
    item.append(code, `: ${p.message}`);
    list.append(item);
  }
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', dismissQueryProblems);
  notice.append(intro, list, dismiss);
  return notice;
}
