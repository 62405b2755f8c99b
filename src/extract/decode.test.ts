import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from './decode.js';
import { ExtractError } from './errors.js';
import { htmlToText, markdownToText } from './markup.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decode', () => {
  it('rejects empty input with a typed error', () => {
    expect(() => decode(enc(''))).toThrow(ExtractError);
    expect(() => decode('   \n\t ')).toThrow(/no text/);
    expect(() => decode(enc('<html><script>x()</script></html>'), { format: 'html' })).toThrow(ExtractError);
  });

  it('rejects binary input (NUL bytes, control characters)', () => {
    const bin = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03]);
    try {
      decode(bin);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExtractError);
      expect((e as ExtractError).code).toBe('binary');
    }
    const ctl = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 1 : 65));
    expect(() => decode(ctl)).toThrow(/binary/);
  });

  it('rejects invalid UTF-8 with a clear message', () => {
    const bad = new Uint8Array([0x41, 0x42, 0xc3, 0x28, 0x43]);
    try {
      decode(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as ExtractError).code).toBe('invalid_utf8');
      expect((e as Error).message).toMatch(/UTF-8/);
    }
  });

  it('rejects input over the size limit', () => {
    expect(() => decode(enc('a'.repeat(2000)), { maxBytes: 1000 })).toThrow(/limit/);
  });

  it('drops a BOM and normalises line ends', () => {
    expect(decode(enc('\ufeffOne line.\r\nTwo.')).text).toBe('One line.\nTwo.');
  });

  it('strips HTML safely: scripts, styles and event handlers never reach the text', () => {
    const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style></head>
      <body onload="steal()"><p>The Valley Front &amp; its allies met.</p>
      <img src=x onerror="alert(1)"><script>document.write('evil')</script>
      <div>Second&nbsp;block &#8212; done.</div><noscript>hidden</noscript></body></html>`;
    const { text, format } = decode(enc(html));
    expect(format).toBe('html');
    expect(text).toContain('The Valley Front & its allies met.');
    expect(text).toContain('Second\u00a0block — done.'.replace('\u00a0', ' '));
    expect(text).not.toMatch(/steal|alert|evil|color|hidden/);
  });

  it('guesses formats from file names', () => {
    expect(decode(enc('# Title\n\nSome *text* here.'), { filename: 'a.md' }).text).toBe('Title\n\nSome text here.');
    expect(decode(enc('<p>x</p>'), { filename: 'a.txt' }).text).toBe('<p>x</p>');
  });

  it('strips Markdown syntax to words', () => {
    const md = '## Heading ##\n\n> A **bold** claim with a [link](http://example.org) and `code`.\n\n- item one\n1. item two\n\n```\nraw block\n```';
    const t = markdownToText(md);
    expect(t).toContain('Heading');
    expect(t).toContain('A bold claim with a link and code.');
    expect(t).toContain('item one');
    expect(t).toContain('item two');
    expect(t).not.toMatch(/[#*`>[\]]/);
  });

  it('htmlToText keeps block boundaries as newlines', () => {
    expect(htmlToText('<p>One.</p><p>Two.</p>')).toBe('One.\n\nTwo.');
  });

  it('never throws anything but ExtractError (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom<'text' | 'html' | 'markdown'>('text', 'html', 'markdown'), (bytes, format) => {
        try {
          const r = decode(bytes, { format });
          expect(typeof r.text).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(ExtractError);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          decode(s, { format: 'markdown' });
          decode(s, { format: 'html' });
        } catch (e) {
          expect(e).toBeInstanceOf(ExtractError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
