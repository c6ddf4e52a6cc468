/**
 * The checker's report as Preact elements: headings, paragraphs, lists and one
 * table per sheet. Pure (it builds elements, it touches no DOM) and loaded with
 * the rest of the spreadsheet code. Every string from a student's file goes in
 * as a text child, so nothing in a file can become markup.
 */
import type { VNode } from 'preact';
import type { Block } from './report';

/** Renders report blocks; the first cell of each table row is its row header. */
export function reportView(blocks: readonly Block[]): VNode {
  return (
    <div class="wb-report">
      {blocks.map((b) =>
        b.t === 'table' ? (
          // The table may scroll sideways: focusable and named, so keyboard users can scroll it too.
          <section class="table-wrap" tabIndex={0} aria-label={b.caption}>
            <table>
              <caption>{b.caption}</caption>
              <thead>
                <tr>{b.head.map((h) => <th scope="col">{h}</th>)}</tr>
              </thead>
              <tbody>
                {b.rows.map((row) => (
                  <tr>
                    {row.map((c, i) => {
                      const content = typeof c === 'string' ? c : <code>{c.code}</code>;
                      return i === 0 ? <th scope="row">{content}</th> : <td>{content}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : b.t === 'ul' ? (
          <ul>{b.items.map((item) => <li>{item}</li>)}</ul>
        ) : b.t === 'p' ? (
          <p class={b.tone ? `wb-${b.tone}` : undefined}>{b.text}</p>
        ) : b.t === 'h3' ? (
          <h3>{b.text}</h3>
        ) : (
          <h4>{b.text}</h4>
        ),
      )}
    </div>
  );
}
