import { useMemo, useState } from 'preact/hooks';
import { api, itemsOf } from '../api';
import { ClaimCard, EntityPicker, ErrorNote, Loading } from '../components/common';
import { TimelineChart, type TimelineItem } from '../components/TimelineChart';
import { useLoad, useTitle } from '../hooks';
import { href, navigate } from '../router';
import { spanOf } from '../time';
import type { CitedClaim, EntityRef } from '../types';
import { KIND_COLORS, KIND_LABELS, predicatePhrase, relationKind, type RelationKind } from '../util';

export const ENTITY_COLORS = ['#2f5d8a', '#a0522d', '#3d7a4a', '#7b4f9e', '#b03a48', '#2c7c86', '#8a7a00', '#555555'];

/** A short label: "ISI pledged allegiance to …" */
export function claimLabel(c: CitedClaim): string {
  const obj = c.object ? ` ${c.object.name}` : c.value ? ` “${c.value}”` : '';
  const phrase = c.object ? predicatePhrase(c.predicate) : predicatePhrase(c.predicate).replace(/ (to|of|from|into|with|by)$/, '');
  return `${c.stance === 'denies' ? 'not: ' : ''}${c.subject.name} ${phrase}${obj}`;
}

export function claimTitle(c: CitedClaim): string {
  return `${c.timeText}${c.claimant ? ` · according to ${c.claimant.name}` : ''}${c.status !== 'accepted' ? ` · ${c.status}` : ''}`;
}

export function toItems(claims: readonly CitedClaim[], colorOf: (c: CitedClaim) => string): TimelineItem[] {
  const out: TimelineItem[] = [];
  for (const c of claims) {
    const span = spanOf(c.time);
    if (!span) continue;
    out.push({ id: c.id, label: claimLabel(c), title: claimTitle(c), span, color: colorOf(c), dashed: c.stance === 'denies' || c.within === 'possible' });
  }
  return out;
}

export function TimelineView({ params }: { params: URLSearchParams }) {
  const entities = (params.get('entities') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const perspective = params.get('perspective') ?? '';
  const claimant = params.get('claimant') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const key = entities.join(',');
  useTitle('Timeline');
  const [selected, setSelected] = useState<string>();
  const persp = useLoad(() => api.perspectives(), []);
  const data = useLoad(async () => {
    const lists = entities.length
      ? await Promise.all(entities.map((e) => api.timeline({ entity: e, from: from || undefined, to: to || undefined, perspective: perspective || undefined })))
      : [await api.timeline({ from: from || undefined, to: to || undefined, perspective: perspective || undefined })];
    const seen = new Map<string, CitedClaim>();
    for (const l of lists) for (const c of itemsOf(l)) if (!seen.has(c.id)) seen.set(c.id, c);
    return [...seen.values()];
  }, [key, perspective, from, to]);

  const set = (patch: Record<string, string | undefined>) => {
    const next: Record<string, string | undefined> = { entities: key, perspective, claimant, from, to, ...patch };
    navigate(href('timeline', next), true);
  };

  const names = useMemo(() => {
    const m = new Map<string, EntityRef>();
    for (const c of data.data ?? []) for (const r of [c.subject, c.object, c.claimant]) if (r && entities.includes(r.id)) m.set(r.id, r);
    return m;
  }, [data.data, key]);

  const claimants = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of data.data ?? []) if (c.claimant) m.set(c.claimant.id, c.claimant.name);
    return [...m].sort((a, b) => a[1].localeCompare(b[1]));
  }, [data.data]);

  const shown = useMemo(() => (data.data ?? []).filter((c) => !claimant || c.claimant?.id === claimant), [data.data, claimant]);
  const colorOf = (c: CitedClaim): string => {
    if (entities.length > 1) {
      const i = entities.findIndex((e) => c.subject.id === e || c.object?.id === e || c.claimant?.id === e);
      return ENTITY_COLORS[(i < 0 ? 0 : i) % ENTITY_COLORS.length]!;
    }
    return KIND_COLORS[relationKind(c.predicate)];
  };
  const items = useMemo(() => toItems(shown, colorOf), [shown, key]);
  const undated = shown.length - items.length;
  const sel = shown.find((c) => c.id === selected);
  const kinds = useMemo(() => [...new Set(shown.map((c) => relationKind(c.predicate)))], [shown]);

  return (
    <section class="timeline-view">
      <h1>Timeline</h1>
      <div class="controls" aria-label="Timeline options">
        <div class="control chosen">
          <span class="control-label" id="tl-entities">Entities</span>
          <ul class="chips" aria-labelledby="tl-entities">
            {entities.length ? entities.map((e, i) => (
              <li key={e} class={`chip chip-color-${i % ENTITY_COLORS.length}`}>
                <a href={href(['entity', e])}>{names.get(e)?.name ?? e}</a>
                <button type="button" class="chip-remove" aria-label={`Remove ${names.get(e)?.name ?? e}`} onClick={() => set({ entities: entities.filter((x) => x !== e).join(',') })}>×</button>
              </li>
            )) : <li class="chip muted">all accepted claims</li>}
          </ul>
        </div>
        <EntityPicker id="tl-add" label="Add an entity" placeholder="Name or spelling" onPick={(h) => { if (!entities.includes(h.id)) set({ entities: [...entities, h.id].join(',') }); }} />
        <div class="control">
          <label for="tl-perspective">Perspective</label>
          <select id="tl-perspective" value={perspective} onChange={(e) => set({ perspective: (e.target as HTMLSelectElement).value })}>
            <option value="">all claimants (overall)</option>
            {itemsOf(persp.data).map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </div>
        <div class="control">
          <label for="tl-claimant">Claimant</label>
          <select id="tl-claimant" value={claimant} onChange={(e) => set({ claimant: (e.target as HTMLSelectElement).value })}>
            <option value="">any claimant</option>
            {claimants.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            {claimant && !claimants.some(([id]) => id === claimant) ? <option value={claimant}>{claimant}</option> : null}
          </select>
        </div>
        <div class="control narrow">
          <label for="tl-from">From (EDTF)</label>
          <input id="tl-from" value={from} placeholder="e.g. 2003" onChange={(e) => set({ from: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="control narrow">
          <label for="tl-to">To (EDTF)</label>
          <input id="tl-to" value={to} placeholder="e.g. 2014-06" onChange={(e) => set({ to: (e.target as HTMLInputElement).value })} />
        </div>
      </div>
      {data.loading && !data.data ? <Loading what="the timeline" /> : data.error ? <ErrorNote error={data.error} /> : (
        <>
          <p class="summary" role="status">
            {items.length.toLocaleString('en')} dated claims{undated ? `, ${undated} undated not drawn` : ''}{claimant ? ` · claimant: ${claimants.find(([id]) => id === claimant)?.[1] ?? claimant}` : ''}.
          </p>
          <TimelineChart items={items} selected={selected} onSelect={setSelected} ariaLabel="Timeline of claims" height={460} />
          <Legend kinds={entities.length > 1 ? undefined : kinds} />
          {sel ? (
            <div class="selected-claim" aria-live="polite">
              <h2>Selected claim</h2>
              <ClaimCard c={sel} />
            </div>
          ) : <p class="hint">Select an item to see who asserts it and the words it rests on.</p>}
          <Chronology claims={shown} onPick={setSelected} />
        </>
      )}
    </section>
  );
}

export function Legend({ kinds }: { kinds?: readonly RelationKind[] }) {
  return (
    <ul class="legend" aria-label="Legend">
      {kinds?.map((k) => <li key={k}><svg width="18" height="10" aria-hidden="true"><rect width="18" height="10" fill={KIND_COLORS[k]} /></svg>{KIND_LABELS[k]}</li>)}
      <li><svg width="18" height="10" aria-hidden="true"><rect width="18" height="10" class="legend-hatch" /></svg>uncertain extent (when exactly is not known)</li>
      <li><svg width="18" height="10" aria-hidden="true"><path d="M0 5 L9 0 L18 5 L9 10 Z" fill="#555" /></svg>dated to the day</li>
      <li><span class="legend-tilde">~</span>approximate or uncertain date</li>
      <li><svg width="18" height="10" aria-hidden="true"><rect width="18" height="10" class="legend-faded" /></svg>denied, or only possibly within the window</li>
    </ul>
  );
}

function Chronology({ claims, onPick }: { claims: readonly CitedClaim[]; onPick: (id: string) => void }) {
  const [limit, setLimit] = useState(50);
  const ordered = useMemo(() => {
    const withKey = claims.map((c) => ({ c, k: spanOf(c.time)?.start.earliest ?? Infinity }));
    withKey.sort((a, b) => (a.k === b.k ? 0 : a.k < b.k ? -1 : 1));
    return withKey.map((x) => x.c);
  }, [claims]);
  return (
    <section class="chronology" aria-label="Chronology">
      <h2>Chronology</h2>
      <ol class="chrono-list">
        {ordered.slice(0, limit).map((c) => (
          <li key={c.id}>
            <button type="button" class="chrono-time link-button" onClick={() => onPick(c.id)} title="Select on the timeline">{c.timeText}</button>
            <ClaimCard c={c} compact />
          </li>
        ))}
      </ol>
      {ordered.length > limit ? <button type="button" onClick={() => setLimit(limit + 200)}>Show more ({(ordered.length - limit).toLocaleString('en')} left)</button> : null}
    </section>
  );
}
