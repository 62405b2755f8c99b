/**
 * The chronology as one self-contained HTML page: inline CSS, no scripts, no external
 * resources (a Content-Security-Policy says so), every text escaped.
 */
import type { Dataset } from '../../core/model.js';
import { buildChronology } from './chronology.js';

export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body { font: 16px/1.55 Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
.scope { color: #555; font-style: italic; }
ol.chronology { list-style: none; padding: 0; } ol.chronology li { margin: .4rem 0; padding-left: 9.5rem; text-indent: -9.5rem; }
.when { display: inline-block; width: 9rem; text-indent: 0; font-weight: bold; } .contested { color: #7a4b00; font-size: .9em; }
sup a { text-decoration: none; } .footnotes { font-size: .9rem; } .footnotes q { font-style: italic; }
`;

const refs = (notes: readonly number[]) => [...new Set(notes)].map((n) => `<sup><a href="#fn${n}">${n}</a></sup>`).join('');

export function writeHtml(ds: Dataset, focus?: string): string {
  const c = buildChronology(ds, focus);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlEscape(c.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${htmlEscape(c.title)}</h1>`,
    `<p class="scope">${htmlEscape(c.scope)}</p>`,
    '<h2>Chronology</h2>',
    '<ol class="chronology">',
  ];
  for (const e of c.entries) {
    out.push(`<li><span class="when">${htmlEscape(e.when)}</span> ${htmlEscape(e.text)}.${e.contested ? ' <span class="contested">(Contested; see below.)</span>' : ''}${refs(e.notes)}</li>`);
  }
  out.push('</ol>');
  if (c.disputes.length) {
    out.push('<h2>Disputes</h2>');
    for (const d of c.disputes) {
      out.push(`<h3>${htmlEscape(d.question)}</h3>`);
      out.push(`<p>${d.sides.map((s) => `${htmlEscape(s.text)}${refs(s.notes)}`).join('; ')}.</p>`);
    }
  }
  if (c.footnotes.length) {
    out.push('<div class="footnotes" role="doc-endnotes">', '<h2>Notes</h2>', '<ol>');
    for (const f of c.footnotes) {
      const cite = f.url && /^https?:\/\//.test(f.url) ? `<a href="${htmlEscape(f.url)}">${htmlEscape(f.citation)}</a>` : htmlEscape(f.citation);
      out.push(`<li id="fn${f.n}">${cite}: <q>${htmlEscape(f.quote)}</q></li>`);
    }
    out.push('</ol>', '</div>');
  }
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}
