// The embed's classic head script (components/EmbedBoot.astro): what must hold before the first paint
// and whether or not the embed's module scripts can load. EMBED_HEIGHT_MESSAGE is set at build time.
{
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const theme = query.get('theme');
  root.dataset.theme = theme == 'light' || theme == 'dark' ? theme : 'auto';
  // The stylesheet acts only on the part names it knows (embed.css); embed-page.ts names the others.
  root.dataset.hide = (query.get('hide') || '').split(/[\s,]+/).join(' ');
  // steps=: the section's parts stay hidden until embed-page.ts has marked the steps asked for.
  if ((query.get('steps') || '').trim()) root.dataset.steps = '';
  // A module script refused: in a frame sandboxed without allow-same-origin (origin "null") a host that
  // sends no CORS headers refuses it. The embed then shows the whole section, still, at the build's values.
  addEventListener(
    'error',
    (event) => {
      if (event.target.tagName != 'SCRIPT' || root.hasAttribute('data-embed-ready')) return;
      root.dataset.embedStatic = '';
      delete root.dataset.steps;
      for (const control of document.querySelectorAll('input, select, button')) control.disabled = true;
    },
    true,
  );
  // The parent page's snippet sizes the frame from these messages, live or static.
  document.addEventListener('DOMContentLoaded', () => {
    const main = document.querySelector('.embed-main');
    if (!main || parent == window) return;
    let sent = -1;
    new ResizeObserver(() => {
      const height = Math.ceil(main.getBoundingClientRect().height);
      // Any origin may frame an embed, and a height is no secret: so '*'. Nothing is ever received.
      if (height != sent) parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height: (sent = height) }, '*');
    }).observe(main);
  });
}
