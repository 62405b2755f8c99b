/**
 * EDTF written as a historian would: "c. July 2002", "late 2006", "by May 2002",
 * "2006–2012", "until 3 February 2014". Reading only; the stored value stays EDTF.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS: Record<string, string> = {
  '21': 'spring', '22': 'summer', '23': 'autumn', '24': 'winter',
  '33': 'early', '34': 'the second quarter of', '35': 'the third quarter of', '36': 'late',
  '37': 'early', '38': 'mid-', '39': 'late', '40': 'first half of', '41': 'second half of',
};

function formatPoint(p: string): string {
  let s = p.trim();
  let prefix = '';
  let suffix = '';
  if (s.endsWith('%')) { prefix = 'c. '; suffix = '?'; s = s.slice(0, -1); }
  else if (s.endsWith('~')) { prefix = 'c. '; s = s.slice(0, -1); }
  else if (s.endsWith('?')) { suffix = ' (?)'; s = s.slice(0, -1); }
  const m = /^(-?\d{4}|\d{2}XX|\d{3}X)(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?$/.exec(s);
  if (!m) return p;
  const [, y = '', mo, d] = m;
  const year = y.includes('X') ? `the ${y.replace(/X+$/, (x) => '0'.repeat(x.length))}s` : y;
  if (!mo || mo === 'XX') return `${prefix}${mo === 'XX' ? `some month of ${year}` : year}${suffix}`;
  const n = Number(mo);
  if (n >= 21) {
    const word = SEASONS[mo] ?? `season ${mo} of`;
    return `${prefix}${word}${word.endsWith('-') ? '' : ' '}${year}${suffix}`;
  }
  const month = MONTHS[n - 1] ?? mo;
  if (!d || d === 'XX') return `${prefix}${month} ${year}${suffix}`;
  return `${prefix}${Number(d)} ${month} ${year}${suffix}`;
}

/** Formats an EDTF instant or interval for people. Unknown forms come back unchanged. */
export function formatTime(edtf: string | undefined): string {
  if (!edtf) return 'undated';
  if (!edtf.includes('/')) return formatPoint(edtf);
  const [a = '', b = ''] = edtf.split('/');
  if (a === '..' || a === '') return b === '' || b === '..' ? 'at an unknown time' : `until ${formatPoint(b)}`;
  if (b === '..') return `from ${formatPoint(a)} on`;
  if (b === '') return `from ${formatPoint(a)} (end unknown)`;
  return `${formatPoint(a)} – ${formatPoint(b)}`;
}

/** Formats an EDTF value for an event: "by May 2002" reads better than "until May 2002" there. */
export function formatEventTime(edtf: string | undefined): string {
  if (edtf && /^(\.\.)?\//.test(edtf)) return `by ${formatPoint(edtf.split('/')[1] ?? '')}`;
  if (edtf && edtf.includes('/') && !edtf.endsWith('/') && !edtf.endsWith('..')) return `between ${formatPoint(edtf.split('/')[0] ?? '')} and ${formatPoint(edtf.split('/')[1] ?? '')}`;
  return formatTime(edtf);
}
