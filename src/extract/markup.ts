/**
 * Markup to plain text: HTML through a real, non-executing tokenizer (htmlparser2) and Markdown
 * through a small line-based stripper. Neither ever evaluates, fetches or renders anything.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never text for a reader (code, styling, embedded objects). */
const DROP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'canvas', 'select']);

/** Elements that end a line or paragraph, so sentences do not run together. */
const BLOCK = new Set([
  'p', 'div', 'br', 'hr', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'td', 'th', 'table', 'thead', 'tbody', 'section',
  'article', 'aside', 'header', 'footer', 'nav', 'main', 'blockquote', 'pre', 'figure', 'figcaption', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'address', 'form', 'fieldset', 'details', 'summary', 'caption',
]);

/**
 * The visible text of an HTML document: markup removed, entities decoded, the content of
 * script/style and similar elements dropped, attributes (event handlers included) ignored, a
 * newline at every block boundary.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let dropDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROP_CONTENT.has(name)) dropDepth++;
        else if (BLOCK.has(name)) out.push('\n');
      },
      onclosetag(name) {
        if (DROP_CONTENT.has(name)) dropDepth = Math.max(0, dropDepth - 1);
        else if (BLOCK.has(name)) out.push('\n');
      },
      ontext(text) {
        if (dropDepth === 0) out.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return tidy(out.join(''));
}

/** Collapses runs of spaces inside lines and runs of blank lines; trims every line. */
function tidy(s: string): string {
  const lines = s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t\f\v\u00a0]+/g, ' ').trim());
  const kept: string[] = [];
  let blank = 0;
  for (const l of lines) {
    if (l === '') {
      blank++;
      if (blank === 1 && kept.length > 0) kept.push('');
    } else {
      blank = 0;
      kept.push(l);
    }
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

/**
 * Plain text of a Markdown document: headings, emphasis, inline code marks, links, images,
 * blockquote and list markers, fences and raw HTML tags are removed; the words stay.
 */
export function markdownToText(md: string): string {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let inFence = false;
  for (const raw of lines) {
    if (/^\s{0,3}(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    let l = raw;
    if (l.length > 20000) { out.push(l.replace(/[*_`#>]+/g, ' ')); continue; } // keep huge lines linear
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(l)) { out.push(''); continue; } // thematic break
    if (/^\s*(=+|-+)\s*$/.test(l) && out.length > 0 && out[out.length - 1] !== '') continue; // setext underline
    l = l.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
    l = l.replace(/^(\s*>)+\s?/, '');
    l = l.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '');
    l = l.replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1');
    l = l.replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1');
    l = l.replace(/\[([^\]\n]*)\]\[[^\]\n]*\]/g, '$1');
    l = l.replace(/^\s{0,3}\[[^\]\n]+\]:\s+\S+.*$/, '');
    l = l.replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?>/g, '');
    l = l.replace(/`+([^`\n]*)`+/g, '$1');
    l = l.replace(/(\*\*|__)(?=\S)([^*_\n]*?\S)\1/g, '$2');
    l = l.replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
    l = l.replace(/~~(?=\S)([^~\n]*?\S)~~/g, '$1');
    out.push(l);
  }
  return tidy(out.join('\n'));
}
