import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { useDebounced } from '../hooks';
import { href } from '../router';
import type { CitedClaim, ChainLink, EntityRef, SearchHit } from '../types';
import { predicateWithObject, safeUrl } from '../util';

export function EntityLink({ e }: { e: EntityRef }) {
  return (
    <a class={`entity-link type-${e.type ?? 'unknown'}`} href={href(['entity', e.id])}>
      {e.name}
    </a>
  );
}

export function Loading({ what }: { what: string }) {
  return <p class="loading" role="status">Loading {what}…</p>;
}

export function ErrorNote({ error }: { error: string }) {
  return <p class="error" role="alert">Could not load: {error}</p>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

export function Badge({ kind, children, title }: { kind: string; children: ComponentChildren; title?: string }) {
  return <span class={`badge badge-${kind}`} title={title}>{children}</span>;
}

/** "Abu Musab al-Zarqawi pledged allegiance to Usama bin Ladin", with links; "denies" shown. */
export function ClaimSentence({ c, link = true }: { c: CitedClaim; link?: boolean }) {
  const E = ({ e }: { e: EntityRef }) => (link ? <EntityLink e={e} /> : <span>{e.name}</span>);
  return (
    <span class="claim-sentence">
      {c.stance === 'denies' ? <span class="stance-denies" title="The claimant denies this proposition">not: </span> : null}
      <E e={c.subject} /> <span class="predicate">{c.object ? predicateWithObject(c.predicate) : predicateWithObjectless(c.predicate)}</span>
      {c.object ? <> <E e={c.object} /></> : null}
      {c.value ? <> <q class="value">{c.value}</q></> : null}
    </span>
  );
}

function predicateWithObjectless(p: string): string {
  return predicateWithObject(p).replace(/ (to|of|from|into|with|by)$/, '');
}

/** Whether a chain says more than the claimant's name (several links, or a medium or date). */
export function chainWorthShowing(chain: readonly ChainLink[]): boolean {
  return chain.length > 1 || chain.some((l) => Boolean(l.via || l.date || l.source));
}

/** The attribution chain drawn as a chain: author → speech 2014 → quoted letter. */
export function Chain({ chain }: { chain: readonly ChainLink[] }) {
  if (!chain.length) return null;
  return (
    <ol class="chain" aria-label="Attribution chain, outermost reporter first">
      {chain.map((l, i) => (
        <li key={i} class="chain-link">
          {l.entity ? <EntityLink e={l.entity} /> : null}
          {l.source ? <a class="chain-source" href={href(['source', l.source])}>{l.source}</a> : null}
          {l.via || l.date ? (
            <span class="chain-via">
              {l.via ?? ''}
              {l.via && l.date ? ' ' : ''}
              {l.date ?? ''}
            </span>
          ) : null}
          {!l.entity && !l.source && !l.via && !l.date ? <span>unknown</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** One evidence item: the verbatim quote and a link to it inside the source viewer. */
export function Evidence({ ev, claimId }: { ev: CitedClaim['evidence'][number]; claimId: string }) {
  const ext = safeUrl(ev.url);
  return (
    <figure class="evidence">
      <blockquote class="quote">{ev.quote}</blockquote>
      <figcaption>
        <a href={href(['source', ev.source], { claim: claimId })} aria-label={`Open the evidence in ${ev.title ?? ev.source}`}>
          {ev.title ?? ev.source}
        </a>
        {ev.page ? <span class="page">, p. {ev.page}</span> : null}
        {ext ? (
          <>
            {' · '}
            <a href={ext} rel="noopener noreferrer nofollow" target="_blank" class="external">original</a>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}

export function ClaimMeta({ c }: { c: CitedClaim }) {
  return (
    <div class="claim-meta">
      <span class="time" title={c.time ? `EDTF: ${c.time}` : 'No date given by the sources'}>{c.timeText}</span>
      {c.claimant ? <span class="claimant">according to <EntityLink e={c.claimant} /></span> : null}
      {c.status !== 'accepted' ? <Badge kind={`status-${c.status}`}>{c.status}</Badge> : null}
      {c.dispute ? <a class="badge badge-disputed" href={href('disputes', { focus: c.dispute })} title="Part of a contested question">contested</a> : null}
      {c.basis && c.basis !== 'overall' ? <Badge kind="basis" title="Why this claim is in the reading">{c.basis === 'common-ground' ? 'common ground' : c.basis}</Badge> : null}
      {c.confidence !== undefined ? <span class="confidence" title="How strongly the claimant's words support it">confidence {Math.round(c.confidence * 100)}%</span> : null}
    </div>
  );
}

/** A claim with everything that makes it checkable: who says it, on whose authority, in which words. */
export function ClaimCard({ c, compact = false, children }: { c: CitedClaim; compact?: boolean; children?: ComponentChildren }) {
  const [open, setOpen] = useState(!compact);
  return (
    <article class={`claim-card stance-${c.stance} status-${c.status}`} data-claim={c.id} aria-label={`Claim ${c.id}`}>
      <div class="claim-head">
        <ClaimSentence c={c} />
        <ClaimMeta c={c} />
      </div>
      {compact ? (
        <div class="claim-actions">
          <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide evidence' : c.evidence.length === 1 ? 'Show the quote' : `Show ${c.evidence.length} quotes`}
          </button>
          {c.evidence[0] ? (
            <a class="evidence-link" href={href(['source', c.evidence[0].source], { claim: c.id })}>
              in {c.evidence[0].title ?? c.evidence[0].source}{c.evidence[0].page ? `, p. ${c.evidence[0].page}` : ''}
            </a>
          ) : <span class="muted">no evidence recorded</span>}
        </div>
      ) : null}
      {open ? (
        <div class="claim-body">
          {chainWorthShowing(c.chain) ? <Chain chain={c.chain} /> : null}
          {c.evidence.map((ev, i) => <Evidence key={i} ev={ev} claimId={c.id} />)}
          {c.note ? <p class="note"><span class="note-label">Note:</span> {c.note}</p> : null}
        </div>
      ) : null}
      {children}
    </article>
  );
}

/** A name search box that picks one entity. */
export function EntityPicker({ label, onPick, placeholder, id }: { label: string; onPick: (e: SearchHit) => void; placeholder?: string; id: string }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<readonly SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const dq = useDebounced(q, 150);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (dq.trim().length < 2) { setHits([]); return; }
    let live = true;
    api.search(dq, 8).then((h) => { if (live) { setHits(h); setActive(0); } }, () => live && setHits([]));
    return () => { live = false; };
  }, [dq]);
  const pick = (h: SearchHit) => { onPick(h); setQ(''); setHits([]); };
  return (
    <div class="picker" ref={box}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={q}
        placeholder={placeholder}
        aria-expanded={hits.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        onBlur={() => setTimeout(() => setHits([]), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { setActive((a) => Math.min(a + 1, hits.length - 1)); e.preventDefault(); }
          else if (e.key === 'ArrowUp') { setActive((a) => Math.max(a - 1, 0)); e.preventDefault(); }
          else if (e.key === 'Enter' && hits[active]) { pick(hits[active]!); e.preventDefault(); }
          else if (e.key === 'Escape') setHits([]);
        }}
      />
      {hits.length ? (
        <ul class="picker-list" id={`${id}-list`} role="listbox" aria-label={`${label}: suggestions`}>
          {hits.map((h, i) => (
            <li key={h.id} role="option" aria-selected={i === active} class={i === active ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); pick(h); }}>
              <span class="picker-name">{h.canonical}</span>
              <span class="picker-detail">{h.matchedName !== h.canonical ? `as “${h.matchedName}” · ` : ''}{h.type}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
