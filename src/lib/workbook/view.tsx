/**
 * The checker's report as Preact elements: headings, paragraphs, lists and one
 * table per sheet. Pure (it builds elements, it touches no DOM) and loaded with
 * the rest of the spreadsheet code. Every string from a student's file goes in
 * as a text child, so nothing in a file can become markup.
 */
import type { VNode } from 'preact';
import type { Block } from './report';

/** A formula that a narrow column breaks only after a * or a +, between factors and terms, never inside "(1-M19)". */
function breakable(code: string): VNode[] {
  return code
    .replace(/[*+]/g, '$&\n')
    .split('\n')
    .flatMap((part, i) => [...(i === 0 ? [] : [<wbr />]), <span class="wb-unbroken">{part}</span>]);
}

/** Renders report blocks; the first cell of each table row is its row header. */
export function reportView(blocks: readonly Block[]): VNode {
  return (
    <div class="wb-report">
      {blocks.map((b) =>
        b.t === 'table' ? (
          // The table may scroll sideways: focusable and named, so keyboard users can scroll it too. On a phone the
          // stylesheet stacks each row into a card whose cells carry their column's name (data-label); the roles keep
          // it a table to assistive technology, which display: block would otherwise undo in some browsers.
          <section class="table-wrap" tabIndex={0} aria-label={b.caption}>
            <table role="table">
              <caption>{b.caption}</caption>
              <thead role="rowgroup">
                <tr role="row">{b.head.map((h) => <th scope="col" role="columnheader">{h}</th>)}</tr>
              </thead>
              <tbody role="rowgroup">
                {b.rows.map((row) => (
                  <tr role="row">
                    {row.map((c, i) => {
                      const content = typeof c === 'string' ? c : <code>{breakable(c.code)}</code>;
                      return i === 0 ? (
                        <th scope="row" role="rowheader">
                          {content}
                        </th>
                      ) : (
                        <td role="cell" data-label={b.head[i]}>
                          {content}
                        </td>
                      );
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
