import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/model.js';
import { mini } from '../testing/fixtures.js';
import { buildChronology } from './chronology.js';
import { writeHtml } from './html.js';
import { writeMarkdown } from './markdown.js';

/** mini.yaml with a few changes that exercise the historian's wording and escaping. */
function variant(): Dataset {
  const ds = mini();
  return {
    ...ds,
    entities: ds.entities.map((e) => (e.id === 'delta-town' ? { ...e, canonical: 'Delta <script>alert(1)</script> *Town*' } : e)),
    claims: ds.claims.map((c) => (c.id === 'mn-accepts' ? { ...c, time: '../1999-12' } : c)),
  };
}

describe('timeline report', () => {
  it('orders the chronology and writes uncertain dates as a historian would', () => {
    const c = buildChronology(variant());
    const when = new Map(c.entries.map((e) => [e.claimId, e.when]));
    expect(when.get('vb-renamed')).toBe('c. 1995');
    expect(when.get('urc-declared')).toBe('late 2003');
    expect(when.get('mn-accepts')).toBe('by December 1999');
    expect(when.get('haddad-leads-vf')).toBe('c. 1995 – June 1998');
    expect(when.get('mansour-leads-re')).toBe('from late 2003 on');
    expect(c.entries[0]!.claimId).toBe('vb-founded');
    expect(c.entries.map((e) => e.claimId)).not.toContain('candidate-one');
  });

  it('writes disputes as "X says …; Y denies …", each side footnoted', () => {
    const md = writeMarkdown(mini());
    expect(md).toContain('### Did the River Emirate remain a branch of the Mountain Network after 2003?');
    expect(md).toMatch(/Mountain Network \(statement, February 2009\) says that River Emirate was a branch of Mountain Network \(late 2003 – 2008\)\[\^\d+\]; .*River Emirate \(speech, 2004\) denies that River Emirate was a branch of Mountain Network/);
    expect(md).toMatch(/- \*\*late 2003 – 2008\*\*: River Emirate \(speech, 2004\) denies that River Emirate was a branch of Mountain Network\. \(Contested; see below\.\)\[\^\d+\]/);
  });

  it('footnotes quote and cite the evidence', () => {
    const md = writeMarkdown(mini());
    expect(md).toMatch(/- \*\*1990\*\*: Karim Haddad founded Valley Brotherhood\.\[\^1\]/);
    expect(md).toContain('[^1]: Lina Farouk, A History of the Valley Movements (1 May 2020) <https://example.org/valley-history>: “Haddad founded the Brotherhood in 1990”');
  });

  it('with --entity, covers the organization and its lineage only', () => {
    const md = writeMarkdown(mini(), 'river-emirate');
    expect(md).toMatch(/^# Chronology: River Emirate/);
    expect(md).toContain('Valley Brotherhood was renamed Valley Front');
    expect(md).not.toContain('Omar Said led');
  });

  it('escapes Markdown markup in names and quotes', () => {
    const md = writeMarkdown(variant());
    expect(md).toContain('Delta \\<script\\>alert(1)\\</script\\> \\*Town\\*');
  });

  it('HTML is self-contained: no scripts, no external resources, everything escaped', () => {
    const html = writeHtml(variant());
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Delta &lt;script&gt;alert(1)&lt;/script&gt; *Town*');
    expect(html).not.toMatch(/<link|<img|src=|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toMatch(/<li id="fn1"><a href="https:\/\/example.org\/valley-history">Lina Farouk, A History of the Valley Movements \(1 May 2020\)<\/a>: <q>Haddad founded the Brotherhood in 1990<\/q><\/li>/);
    expect(html).toContain('<span class="when">by December 1999</span>');
  });

  it.skipIf(spawnSync('xmllint', ['--version']).status !== 0)('HTML parses without errors (xmllint --html, the libxml2 HTML parser)', () => {
    const r = spawnSync('xmllint', ['--html', '--noout', '-'], { input: writeHtml(variant()), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('is deterministic', () => {
    expect(writeHtml(mini())).toBe(writeHtml(mini()));
    expect(writeMarkdown(mini())).toBe(writeMarkdown(mini()));
  });
});
