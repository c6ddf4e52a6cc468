/**
 * Styles for a part that arrives on first use (an opened exercise, a workbook's report), kept out of
 * every page's first load: linked once, whoever asks first.
 */
const linked = new Map<string, Promise<void>>();

/** Links the stylesheet at `href` once; resolves when it has loaded, or failed (the part then shows, unstyled). */
export function addStylesheet(href: string): Promise<void> {
  let loaded = linked.get(href);
  if (!loaded) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    loaded = new Promise<void>((done) => {
      link.onload = link.onerror = () => done();
    });
    document.head.append(link);
    linked.set(href, loaded);
  }
  return loaded;
}
