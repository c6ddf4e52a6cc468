// The embed's classic head script (components/EmbedBoot.astro): what must hold before the first paint
// and whether or not the embed's module scripts can load. EMBED_HEIGHT_MESSAGE and SENDS_STEPS_ON are set at build time.
import { stepsAddress } from '../lib/embed/range';

{
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  // An address with steps= (as published before each run of steps had its page) goes to the page of
  // those steps at once, before this page's content is parsed; a frame may always navigate itself.
  // Such addresses name a section's whole embed: only its head script carries this (SENDS_STEPS_ON).
  const moveTo = SENDS_STEPS_ON
    ? stepsAddress(location.search, location.hash, {
        section: root.dataset.embedSection || '',
        stepCount: Number(root.dataset.stepCount) || 0,
        shown: null,
      })
    : null;
  if (moveTo) {
    root.dataset.embedMoving = '';
    location.replace(moveTo);
  }
  const theme = query.get('theme');
  root.dataset.theme = theme == 'light' || theme == 'dark' ? theme : 'auto';
  // The stylesheet acts only on the part names it knows (embed.css); embed-page.ts names the others.
  root.dataset.hide = (query.get('hide') || '').split(/[\s,]+/).join(' ');
  // A module script refused: in a frame sandboxed without allow-same-origin (origin "null") a host that
  // sends no CORS headers refuses it. The embed then shows what it holds, still, at the build's values.
  addEventListener(
    'error',
    (event) => {
      if (event.target.tagName != 'SCRIPT' || root.hasAttribute('data-embed-ready')) return;
      root.dataset.embedStatic = '';
      for (const control of document.querySelectorAll('input, select, button')) control.disabled = true;
    },
    true,
  );
  // Parts off the screen are skipped as on a page (embed.css); in a frame, only once each has been laid
  // out at the frame's width: the frame's screen is the course page's, so a part never laid out would
  // count at an estimated height in the height sent.
  let layouts = 0;
  const layOutAll = () => {
    const mine = ++layouts;
    delete root.dataset.laidOut;
    requestAnimationFrame(() => requestAnimationFrame(() => mine == layouts && (root.dataset.laidOut = '')));
  };
  if (parent == window) root.dataset.laidOut = '';
  // The parent page's snippet sizes the frame from these messages, live or static; none from a page
  // on its way to another (its height is not the one the reader will see).
  document.addEventListener('DOMContentLoaded', () => {
    const main = document.querySelector('.embed-main');
    if (!main || parent == window || moveTo) return;
    // A change makes parts off the screen taller or shorter (a note's words follow the values): once the
    // page has caught up with the reader's input (no note still pending), every part is laid out again,
    // so the height sent stays the whole.
    let pending = false;
    const idle = window.requestIdleCallback ? (run) => requestIdleCallback(run, { timeout: 500 }) : (run) => setTimeout(run, 100);
    // (A note whose arithmetic never arrives, offline, stops the wait after some 40 idle periods.)
    const whenCaughtUp = (tries) =>
      idle(() => {
        if (tries > 0 && main.querySelector('[data-pending]')) return whenCaughtUp(tries - 1);
        pending = false;
        layOutAll();
      });
    const afterInput = () => {
      if (pending) return;
      pending = true;
      whenCaughtUp(40);
    };
    for (const type of ['input', 'change', 'pointerup', 'keyup']) addEventListener(type, afterInput, true);
    let sent = -1;
    let width = -1;
    new ResizeObserver(() => {
      const box = main.getBoundingClientRect();
      if (box.width != width) {
        width = box.width;
        layOutAll();
      }
      const height = Math.ceil(box.height);
      // Any origin may frame an embed, and a height is no secret: so '*'. Nothing is ever received.
      if (height != sent) parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height: (sent = height) }, '*');
    }).observe(main);
  });
}
