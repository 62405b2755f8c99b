import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, itemsOf } from '../api';
import { Badge, ClaimCard, Empty, ErrorNote, Loading } from '../components/common';
import { useLoad, useTitle } from '../hooks';
import { href } from '../router';
import type { CitedClaim, SourceDetail } from '../types';
import { safeUrl } from '../util';

export function SourcesView() {
  useTitle('Sources');
  const data = useLoad(() => api.sources(), []);
  const list = itemsOf(data.data);
  return (
    <section class="sources-view">
      <h1>Sources</h1>
      {data.loading && !data.data ? <Loading what="sources" /> : data.error ? <ErrorNote error={data.error} /> : !list.length ? <Empty>No sources recorded.</Empty> : (
        <table class="sources-table">
          <caption class="visually-hidden">Documents in the knowledge base</caption>
          <thead><tr><th scope="col">Title</th><th scope="col">Author</th><th scope="col">Date</th><th scope="col">Kind</th></tr></thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id}>
                <td><a href={href(['source', s.id])}>{s.title}</a></td>
                <td>{s.author ?? <span class="muted">—</span>}</td>
                <td>{s.date ?? <span class="muted">—</span>}</td>
                <td>{s.kind ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface Segment { readonly start: number; readonly end: number; readonly claims: readonly string[] }

/** Cuts the text at every span boundary; each piece knows which claims cite it (spans may overlap). */
export function segments(text: string, spans: SourceDetail['spans']): Segment[] {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const claims = [...new Set(valid.filter((s) => s.start <= a && s.end >= b).flatMap((s) => s.claimIds))];
    out.push({ start: a, end: b, claims });
  }
  return out;
}

export function SourceView({ id, claim }: { id: string; claim: string }) {
  const data = useLoad(() => api.source(id), [id]);
  useTitle(data.data?.source.title ?? 'Source');
  const [picked, setPicked] = useState<readonly string[]>(claim ? [claim] : []);
  useEffect(() => setPicked(claim ? [claim] : []), [claim, id]);
  const textRef = useRef<HTMLDivElement>(null);
  const segs = useMemo(() => (data.data?.source.text ? segments(data.data.source.text, data.data.spans) : []), [data.data]);
  useEffect(() => {
    if (!data.data || !textRef.current) return;
    textRef.current.setAttribute('data-rendered', 'true');
    if (claim) textRef.current.querySelector('mark.focused')?.scrollIntoView({ block: 'center' });
  }, [data.data, claim]);
  if (data.loading && !data.data) return <Loading what="the source" />;
  if (data.error || !data.data) return <section><h1>Source</h1><ErrorNote error={data.error ?? 'not found'} /></section>;
  const { source, spans } = data.data;
  const ext = safeUrl(source.url);
  const text = source.text;
  const claimCount = new Set(spans.flatMap((s) => s.claimIds)).size;
  return (
    <article class="source-view" aria-labelledby="source-title">
      <header class="source-header">
        <h1 id="source-title">{source.title}</h1>
        <p class="source-meta">
          {source.kind ? <Badge kind="kind">{source.kind}</Badge> : null}
          {source.author ? <span>{source.author}</span> : null}
          {source.date ? <span>{source.date}</span> : null}
          {ext ? <a href={ext} class="external" rel="noopener noreferrer nofollow" target="_blank">original document</a> : source.url ? <span class="muted" title="Only http and https addresses are linked">address not linked: {source.url}</span> : null}
        </p>
        <p class="summary">{spans.length ? `${spans.length} evidence passages highlighted, cited by ${claimCount} claims. Select a passage to see its claims.` : 'No evidence passages are located in this text.'}</p>
      </header>
      <div class="source-grid">
        {text ? (
          <div class="source-text" ref={textRef} aria-label="Text of the source" tabIndex={0}>
            {segs.map((s) => {
              const t = text.slice(s.start, s.end);
              if (!s.claims.length) return <span key={s.start}>{t}</span>;
              const focused = claim && s.claims.includes(claim);
              const active = s.claims.some((c) => picked.includes(c));
              return (
                <mark key={s.start} class={`span${focused ? ' focused' : ''}${active ? ' active' : ''}${s.claims.length > 1 ? ' multi' : ''}`}
                  tabIndex={0} role="button" data-claims={s.claims.join(' ')}
                  aria-label={`Evidence for ${s.claims.length === 1 ? '1 claim' : `${s.claims.length} claims`}: show`}
                  onClick={() => setPicked(s.claims)}
                  onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setPicked(s.claims); } }}>
                  {t}
                </mark>
              );
            })}
          </div>
        ) : (
          <div class="source-text empty" ref={textRef}>
            <p>The text of this source is not stored, so its evidence cannot be shown in place. Quotes appear with each claim.</p>
          </div>
        )}
        <aside class="source-claims" aria-label="Claims citing the selected passage" aria-live="polite">
          {picked.length ? <PickedClaims ids={picked} known={data.data.claims} /> : <p class="hint">Select a highlighted passage to see the claims it supports.</p>}
        </aside>
      </div>
    </article>
  );
}

function PickedClaims({ ids, known }: { ids: readonly string[]; known?: readonly CitedClaim[] }) {
  const data = useLoad(() => Promise.all(ids.map((i) => known?.find((c) => c.id === i) ?? api.claim(i).catch(() => undefined))), [ids.join(' ')]);
  if (data.loading && !data.data) return <Loading what="claims" />;
  const list = (data.data ?? []).filter((c): c is CitedClaim => Boolean(c));
  return (
    <>
      <h2>{list.length === 1 ? '1 claim' : `${list.length} claims`} citing this passage</h2>
      {list.map((c) => <ClaimCard key={c.id} c={c} />)}
      {list.length < ids.length ? <p class="muted">{ids.length - list.length} claim(s) could not be loaded.</p> : null}
    </>
  );
}
