/** The chronology as Markdown with footnotes (`[^n]`, as GitHub and Pandoc read them). */
import type { Dataset } from '../../core/model.js';
import { buildChronology } from './chronology.js';

/** Escapes characters Markdown would read as markup, so names and quotes stay text. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

const refs = (notes: readonly number[]) => [...new Set(notes)].map((n) => `[^${n}]`).join('');

export function writeMarkdown(ds: Dataset, focus?: string): string {
  const c = buildChronology(ds, focus);
  const out: string[] = [`# ${mdEscape(c.title)}`, '', `_${mdEscape(c.scope)}_`, '', '## Chronology', ''];
  for (const e of c.entries) out.push(`- **${mdEscape(e.when)}**: ${mdEscape(e.text)}.${e.contested ? ' (Contested; see below.)' : ''}${refs(e.notes)}`);
  if (c.disputes.length) {
    out.push('', '## Disputes', '');
    for (const d of c.disputes) {
      out.push(`### ${mdEscape(d.question)}`, '');
      out.push(d.sides.map((s) => `${mdEscape(s.text)}${refs(s.notes)}`).join('; ') + '.', '');
    }
  }
  if (c.footnotes.length) {
    out.push('', '## Notes', '');
    for (const f of c.footnotes) out.push(`[^${f.n}]: ${mdEscape(f.citation)}${f.url && /^https?:\/\//.test(f.url) ? ` <${f.url.replace(/[<>\s]/g, encodeURIComponent)}>` : ''}: “${mdEscape(f.quote)}”`);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
