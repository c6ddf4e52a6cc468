/**
 * The contents page's only script: its links carry the reader's address query, as every other
 * internal link carries the configuration. The query goes on as it came: the section page it
 * leads to reads it like any address, keeps what a field would accept and names what it cannot
 * use. Importing the tutorial's state and math here would load ten times the bytes for a page
 * that shows no number.
 */
if (location.search) {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-carry]')) {
    const url = new URL(a.href);
    url.search = location.search;
    a.href = url.href;
  }
}
