import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { canWrite, useSession } from '../auth';
import { Chain, chainWorthShowing, ClaimMeta, ClaimSentence, EntityPicker, ErrorNote, Loading } from '../components/common';
import { useLoad, useTitle } from '../hooks';
import type { CitedClaim, SearchHit, SourceDetail } from '../types';
import { predicateLabel, slice } from '../util';

const FALLBACK_PREDICATES = ['renamed_to', 'merged_into', 'split_from', 'founded', 'declared', 'dissolved', 'pledged_allegiance_to', 'accepted_pledge_of', 'branch_of', 'expelled', 'leader_of', 'deputy_of', 'spokesman_of', 'member_of', 'representative_to', 'killed', 'arrested', 'imprisoned', 'released', 'attacked', 'supported', 'allied_with', 'fought', 'identified_as', 'wrote_to', 'succeeded', 'located_in', 'related_to'];

function predicatesOf(v: unknown): string[] {
  if (!v || typeof v !== 'object') return FALLBACK_PREDICATES;
  const p = (v as { predicates?: unknown }).predicates ?? v;
  if (Array.isArray(p)) return p.map((x) => (typeof x === 'string' ? x : (x as { id?: string; name?: string }).id ?? (x as { name?: string }).name ?? '')).filter(Boolean);
  if (p && typeof p === 'object') return Object.keys(p);
  return FALLBACK_PREDICATES;
}

const PAGE = 50;

/** A write refused because the record changed since it was read (409). */
interface Conflict {
  readonly what: string;
  readonly message: string;
  readonly current?: unknown;
  readonly changedSince: readonly { id?: string; at?: string; actor?: string; action?: string }[];
}

function conflictOf(what: string, e: unknown): Conflict | undefined {
  if (!(e instanceof ApiError) || e.status !== 409) return undefined;
  return { what, message: e.message, current: e.body.current, changedSince: e.body.changedSince ?? [] };
}

function describeCurrent(current: unknown): string {
  if (!current || typeof current !== 'object') return '';
  const c = current as { status?: unknown; version?: unknown; predicate?: unknown; time?: unknown; canonical?: unknown };
  const parts: string[] = [];
  if (typeof c.canonical === 'string') parts.push(c.canonical);
  if (typeof c.predicate === 'string') parts.push(predicateLabel(c.predicate));
  if (typeof c.time === 'string') parts.push(`time ${c.time}`);
  if (typeof c.status === 'string') parts.push(`status ${c.status}`);
  if (typeof c.version === 'number') parts.push(`version ${c.version}`);
  return parts.join(', ');
}

function ConflictNote({ conflict, onReload, onDismiss }: { conflict: Conflict; onReload: () => void; onDismiss: () => void }) {
  const now = describeCurrent(conflict.current);
  return (
    <div class="conflict card" role="alert" aria-labelledby="conflict-h">
      <h2 id="conflict-h">{conflict.what} changed since you loaded it</h2>
      <p>Your change was not saved: {conflict.message}</p>
      {conflict.changedSince.length ? (
        <ul class="changed-since">
          {conflict.changedSince.map((h, i) => (
            <li key={h.id ?? i}>{h.action ?? 'changed'}{h.actor ? ` by ${h.actor}` : ''}{h.at ? ` at ${h.at}` : ''}</li>
          ))}
        </ul>
      ) : null}
      {now ? <p class="current">Now: {now}</p> : null}
      <div class="row">
        <button type="button" class="primary" onClick={onReload}>Reload the queue</button>
        <button type="button" onClick={onDismiss}>Dismiss</button>
      </div>
    </div>
  );
}

export function ReviewView() {
  useTitle('Review queue');
  const [offset, setOffset] = useState(0);
  const queue = useLoad(() => api.review({ limit: PAGE, offset }), [offset]);
  const vocab = useLoad(() => api.vocabulary().catch(() => undefined), []);
  const [items, setItems] = useState<CitedClaim[]>([]);
  const [index, setIndex] = useState(0);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict>();
  const session = useSession();
  const writable = canWrite(session);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => { if (queue.data) { setItems([...queue.data.items]); setIndex(0); } }, [queue.data]);
  const current = items[index];
  const total = queue.data?.total ?? 0;
  const predicates = useMemo(() => predicatesOf(vocab.data), [vocab.data]);

  const decide = async (kind: 'accept' | 'reject') => {
    if (!current || busy || !writable) return;
    setBusy(true);
    try {
      await (kind === 'accept' ? api.accept(current.id, current.version) : api.reject(current.id, current.version));
      setMessage(`${kind === 'accept' ? 'Accepted' : 'Rejected'}: ${current.id}`);
      const next = items.filter((c) => c.id !== current.id);
      setItems(next);
      setIndex((i) => Math.min(i, Math.max(0, next.length - 1)));
      setEditing(false);
    } catch (e) {
      const c = conflictOf(`Claim ${current.id}`, e);
      if (c) setConflict(c);
      setMessage(c ? '' : `Could not ${kind} ${current.id}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'j') { setIndex((i) => Math.min(i + 1, items.length - 1)); setEditing(false); }
      else if (e.key === 'k') { setIndex((i) => Math.max(i - 1, 0)); setEditing(false); }
      else if (!writable && (e.key === 'a' || e.key === 'r' || e.key === 'e')) return;
      else if (e.key === 'a') void decide('accept');
      else if (e.key === 'r') void decide('reject');
      else if (e.key === 'e') { setEditing(true); e.preventDefault(); }
      else if (e.key === 'Escape') setEditing(false);
      else return;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  return (
    <section class="review-view">
      <h1>Review queue</h1>
      <p class="lede">Candidate claims extracted from ingested documents. None counts in any view until accepted.</p>
      {writable ? (
        <p class="shortcuts" aria-label="Keyboard shortcuts"><kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>e</kbd> edit · <kbd>Esc</kbd> close</p>
      ) : (
        <>
          <p class="read-only-note">You are signed in as {session.user?.role === 'viewer' ? 'a viewer' : 'a reader'}: you can read the queue, but accepting, rejecting, editing and merging need an editor or admin account.</p>
          <p class="shortcuts" aria-label="Keyboard shortcuts"><kbd>j</kbd>/<kbd>k</kbd> next/previous</p>
        </>
      )}
      <p class="status-line" role="status" aria-live="polite">{message}</p>
      {conflict ? <ConflictNote conflict={conflict} onReload={() => { setConflict(undefined); setMessage(''); queue.reload(); }} onDismiss={() => setConflict(undefined)} /> : null}
      {queue.loading && !queue.data ? <Loading what="the review queue" /> : queue.error ? <ErrorNote error={queue.error} /> : !items.length ? (
        <p class="empty">No candidate claims are waiting for review.</p>
      ) : (
        <div class="review-grid">
          <div class="review-list-wrap">
            <p class="summary">{total.toLocaleString('en')} candidates{total > PAGE ? `, showing ${offset + 1}–${Math.min(offset + PAGE, total)}` : ''}</p>
            <ol class="review-list" role="listbox" aria-label="Candidate claims" ref={listRef}>
              {items.map((c, i) => (
                <li key={c.id} role="option" aria-selected={i === index} class={i === index ? 'active' : ''} onClick={() => { setIndex(i); setEditing(false); }}>
                  <ClaimSentence c={c} link={false} />
                  <span class="time">{c.timeText}</span>
                </li>
              ))}
            </ol>
            {total > PAGE ? (
              <div class="pager">
                <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous page</button>
                <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>Next page</button>
              </div>
            ) : null}
          </div>
          {current ? (
            <article class="review-detail card" aria-label={`Candidate claim ${current.id}`} data-claim={current.id}>
              <div class="claim-head">
                <ClaimSentence c={current} />
                <ClaimMeta c={current} />
              </div>
              {chainWorthShowing(current.chain) ? <Chain chain={current.chain} /> : null}
              {current.evidence.map((ev, i) => <EvidenceInContext key={`${current.id}-${i}`} ev={ev} />)}
              {current.note ? <p class="note"><span class="note-label">Note:</span> {current.note}</p> : null}
              {writable ? (
                <div class="review-actions">
                  <button type="button" class="accept" disabled={busy} onClick={() => void decide('accept')} aria-keyshortcuts="a">Accept <kbd>a</kbd></button>
                  <button type="button" class="reject" disabled={busy} onClick={() => void decide('reject')} aria-keyshortcuts="r">Reject <kbd>r</kbd></button>
                  <button type="button" disabled={busy} onClick={() => setEditing(!editing)} aria-expanded={editing} aria-keyshortcuts="e">Edit <kbd>e</kbd></button>
                </div>
              ) : null}
              {editing && writable ? (
                <EditForm c={current} predicates={predicates} onConflict={setConflict} onDone={(updated, msg) => {
                  setMessage(msg);
                  if (updated) setItems(items.map((x) => (x.id === updated.id ? updated : x)));
                  setEditing(false);
                }} />
              ) : null}
            </article>
          ) : null}
        </div>
      )}
      {writable ? <MergePanel onMessage={setMessage} onConflict={setConflict} /> : null}
    </section>
  );
}

const sourceCache = new Map<string, Promise<SourceDetail | undefined>>();
function loadSource(id: string): Promise<SourceDetail | undefined> {
  if (!sourceCache.has(id)) sourceCache.set(id, api.source(id).catch(() => undefined));
  return sourceCache.get(id)!;
}

/** The quote highlighted inside the surrounding text of its source, when the text is stored. */
function EvidenceInContext({ ev }: { ev: CitedClaim['evidence'][number] }) {
  const src = useLoad(() => loadSource(ev.source), [ev.source]);
  const text = src.data?.source.text;
  let before = '';
  let hit = ev.quote;
  let after = '';
  if (text) {
    let start = ev.start;
    let end = ev.end;
    if (start === undefined || end === undefined || slice(text, start, end) !== ev.quote) {
      const at = text.indexOf(ev.quote);
      if (at >= 0) { start = at; end = at + ev.quote.length; }
    }
    if (start !== undefined && end !== undefined && start >= 0 && end <= text.length && start <= end) {
      const from = Math.max(0, start - 240);
      const to = Math.min(text.length, end + 240);
      before = `${from > 0 ? '…' : ''}${slice(text, from, start)}`;
      hit = slice(text, start, end);
      after = `${slice(text, end, to)}${to < text.length ? '…' : ''}`;
    }
  }
  return (
    <figure class="evidence in-context">
      <p class="context">{before}<mark>{hit}</mark>{after}</p>
      <figcaption>
        <a href={`#/source/${encodeURIComponent(ev.source)}`}>{ev.title ?? src.data?.source.title ?? ev.source}</a>
        {ev.page ? `, p. ${ev.page}` : ''}
        {!text && !src.loading ? <span class="muted"> (the source text is not stored; the quote is shown alone)</span> : null}
      </figcaption>
    </figure>
  );
}

function EditForm({ c, predicates, onDone, onConflict }: { c: CitedClaim; predicates: readonly string[]; onDone: (updated: CitedClaim | undefined, message: string) => void; onConflict: (c: Conflict) => void }) {
  const [predicate, setPredicate] = useState(c.predicate);
  const [object, setObject] = useState<{ id: string; name: string } | undefined>(c.object);
  const [time, setTime] = useState(c.time ?? '');
  const [stance, setStance] = useState(c.stance);
  const [note, setNote] = useState(c.note ?? '');
  const [error, setError] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = async (e: Event) => {
    e.preventDefault();
    const patch: Record<string, unknown> = {};
    if (predicate !== c.predicate) patch.predicate = predicate;
    if ((object?.id ?? '') !== (c.object?.id ?? '')) patch.object = object?.id ?? null;
    if (time !== (c.time ?? '')) patch.time = time || null;
    if (stance !== c.stance) patch.stance = stance;
    if (note !== (c.note ?? '')) patch.note = note || null;
    if (!Object.keys(patch).length) { onDone(undefined, 'Nothing changed.'); return; }
    if (c.version !== undefined) patch.expectedVersion = c.version;
    try {
      const updated = await api.patchClaim(c.id, patch);
      onDone(updated && typeof updated === 'object' && 'id' in updated ? updated : undefined, `Saved changes to ${c.id}.`);
    } catch (err) {
      const conflict = conflictOf(`Claim ${c.id}`, err);
      if (conflict) onConflict(conflict);
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form class="edit-form" onSubmit={submit} aria-label={`Edit claim ${c.id}`}>
      <div class="control">
        <label for="edit-predicate">Predicate</label>
        <select id="edit-predicate" ref={first} value={predicate} onChange={(e) => setPredicate((e.target as HTMLSelectElement).value)}>
          {[...new Set([c.predicate, ...predicates])].map((p) => <option key={p} value={p}>{predicateLabel(p)}</option>)}
        </select>
      </div>
      <div class="control">
        <span class="control-label">Object</span>
        <span class="chip">{object ? object.name : 'none'}{object ? <button type="button" class="chip-remove" aria-label="Clear the object" onClick={() => setObject(undefined)}>×</button> : null}</span>
        <EntityPicker id="edit-object" label="Change object" onPick={(h: SearchHit) => setObject({ id: h.id, name: h.canonical })} />
      </div>
      <div class="control">
        <label for="edit-time">Time (EDTF)</label>
        <input id="edit-time" value={time} placeholder="e.g. 2006-36, 2002-07~, 2006/2012" onInput={(e) => setTime((e.target as HTMLInputElement).value)} />
      </div>
      <div class="control">
        <label for="edit-stance">Stance</label>
        <select id="edit-stance" value={stance} onChange={(e) => setStance((e.target as HTMLSelectElement).value)}>
          <option value="asserts">asserts</option>
          <option value="denies">denies</option>
        </select>
      </div>
      <div class="control wide">
        <label for="edit-note">Note (the project's own words)</label>
        <textarea id="edit-note" rows={3} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </div>
      {error ? <p class="error" role="alert">{error}</p> : null}
      <div class="row">
        <button type="submit">Save</button>
        <button type="button" onClick={() => onDone(undefined, 'Edit cancelled.')}>Cancel</button>
      </div>
    </form>
  );
}

function MergePanel({ onMessage, onConflict }: { onMessage: (m: string) => void; onConflict: (c: Conflict) => void }) {
  const [keep, setKeep] = useState<SearchHit>();
  const [merge, setMerge] = useState<SearchHit>();
  const [error, setError] = useState('');
  const go = async () => {
    if (!keep || !merge) return;
    if (keep.id === merge.id) { setError('Choose two different entities.'); return; }
    try {
      await api.merge(keep.id, merge.id);
      onMessage(`Merged ${merge.canonical} into ${keep.canonical}.`);
      setKeep(undefined); setMerge(undefined); setError('');
    } catch (e) {
      const conflict = conflictOf(`Entity ${merge.canonical}`, e);
      if (conflict && (conflict.current !== undefined || conflict.changedSince.length)) onConflict(conflict);
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section class="merge card" aria-labelledby="merge-h">
      <h2 id="merge-h">Merge two entity records</h2>
      <p class="hint">When two records are the same person or organization. The merge is recorded as a reviewer's claim and can be undone by rejecting it.</p>
      <div class="controls">
        <div>
          <EntityPicker id="merge-keep" label="Keep" onPick={setKeep} />
          {keep ? <p class="picked">keep: <strong>{keep.canonical}</strong> [{keep.id}]</p> : null}
        </div>
        <div>
          <EntityPicker id="merge-merge" label="Merge into it" onPick={setMerge} />
          {merge ? <p class="picked">merge: <strong>{merge.canonical}</strong> [{merge.id}]</p> : null}
        </div>
        <button type="button" disabled={!keep || !merge} onClick={() => void go()}>
          {keep && merge ? `Merge ${merge.canonical} into ${keep.canonical}` : 'Merge'}
        </button>
      </div>
      {error ? <p class="error" role="alert">{error}</p> : null}
    </section>
  );
}
