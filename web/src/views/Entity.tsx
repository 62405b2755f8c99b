import { useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import { Badge, ClaimCard, EntityLink, ErrorNote, Loading } from '../components/common';
import { TimelineChart } from '../components/TimelineChart';
import { useLoad, useTitle } from '../hooks';
import { href, navigate } from '../router';
import type { AsOfItem, CitedClaim } from '../types';
import { KIND_COLORS, NAME_KIND_HELP, NAME_KIND_LABELS, relationKind } from '../util';
import { Legend, toItems } from './Timeline';

export function EntityView({ id, params }: { id: string; params: URLSearchParams }) {
  const p = useLoad(() => api.entity(id), [id]);
  const [selected, setSelected] = useState<string>();
  useTitle(p.data?.entity.canonical ?? id);
  const all = useMemo(() => (p.data ? [...p.data.roles, ...p.data.relations, ...p.data.events] : []), [p.data]);
  const items = useMemo(() => toItems(all, (c) => KIND_COLORS[relationKind(c.predicate)]), [all]);
  const kinds = useMemo(() => [...new Set(all.map((c) => relationKind(c.predicate)))], [all]);
  if (p.loading && !p.data) return <Loading what="the entity" />;
  if (p.error || !p.data) return <section><h1>Entity</h1><ErrorNote error={p.error ?? 'not found'} /></section>;
  const { entity, names, roles, events, relations, byClaimant } = p.data;
  const sel = all.find((c) => c.id === selected);
  const isOrg = entity.type === 'organization';
  return (
    <article class="entity-view" aria-labelledby="entity-title">
      <header class="entity-header">
        <h1 id="entity-title">{entity.canonical}</h1>
        <Badge kind={`type-${entity.type}`}>{entity.type}</Badge>
        {entity.description ? <p class="description">{entity.description}</p> : null}
        <nav class="entity-links" aria-label={`Views of ${entity.canonical}`}>
          <a href={href('timeline', { entities: entity.id })}>Timeline</a>
          {isOrg ? <a href={href(['lineage', entity.id])}>Lineage</a> : null}
          <a href={href('network', { focus: entity.id, date: firstDate(all) })}>Network</a>
          <a href={href('disputes', { entity: entity.id })}>Disputes</a>
        </nav>
      </header>

      <div class="entity-grid">
        <section class="card names" aria-labelledby="names-h">
          <h2 id="names-h">Names <span class="count">{names.length}</span></h2>
          <table class="names-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Used in</th></tr></thead>
            <tbody>
              {names.map((n, i) => (
                <tr key={i}>
                  <td class="name" lang="en">{n.name}{n.note ? <span class="name-note"> — {n.note}</span> : null}</td>
                  <td><abbr title={NAME_KIND_HELP[n.kind] ?? n.kind}>{NAME_KIND_LABELS[n.kind] ?? n.kind}</abbr></td>
                  <td class="name-sources">
                    {n.sources.length ? n.sources.map((s, j) => <a key={j} href={href(['source', s])}>{s}</a>) : <span class="muted">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section class="card claimants" aria-labelledby="claimants-h">
          <h2 id="claimants-h">Who says what</h2>
          {byClaimant.length ? (
            <ul class="claimant-list">
              {byClaimant.map((b) => (
                <li key={b.claimant.id}>
                  <EntityLink e={b.claimant} />
                  <a class="count-link" href={href('timeline', { entities: entity.id, claimant: b.claimant.id })} title="Show these claims on the timeline">{b.claims.length === 1 ? '1 claim' : `${b.claims.length} claims`}</a>
                </li>
              ))}
            </ul>
          ) : <p class="muted">No attributed claims.</p>}
          {isOrg ? <AsOfPanel id={entity.id} date={params.get('asof') ?? ''} /> : null}
        </section>
      </div>

      <section class="card mini-timeline" aria-labelledby="mt-h">
        <h2 id="mt-h">Over time</h2>
        <TimelineChart items={items} compact height={170} selected={selected} onSelect={setSelected} ariaLabel={`Mini timeline of ${entity.canonical}`} />
        <Legend kinds={kinds} />
        {sel ? <ClaimCard c={sel} /> : null}
      </section>

      <ClaimSection title="Roles" id="roles" claims={roles} empty="No roles recorded." />
      <ClaimSection title="Relations" id="relations" claims={relations} empty="No relations recorded." />
      <ClaimSection title="Events" id="events" claims={events} empty="No events recorded." />
    </article>
  );
}

function firstDate(cs: readonly CitedClaim[]): string | undefined {
  const m = cs.map((c) => /^\d{4}(-\d{2})?/.exec(c.time ?? '')?.[0]).filter((x): x is string => Boolean(x)).sort();
  return m[Math.floor(m.length / 2)];
}

function ClaimSection({ title, id, claims, empty }: { title: string; id: string; claims: readonly CitedClaim[]; empty: string }) {
  return (
    <section class={`card claims-section ${id}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title} <span class="count">{claims.length}</span></h2>
      {claims.length ? (
        <ol class="claim-list">
          {claims.map((c) => <li key={c.id}><ClaimCard c={c} compact /></li>)}
        </ol>
      ) : <p class="muted">{empty}</p>}
    </section>
  );
}

function AsOfPanel({ id, date }: { id: string; date: string }) {
  const [d, setD] = useState(date);
  const view = useLoad(() => (date ? api.asOf(id, date) : Promise.resolve(undefined)), [id, date]);
  const Items = ({ label, items }: { label: string; items: readonly AsOfItem[] }) => (items.length ? (
    <div class="asof-row"><dt>{label}</dt><dd>{items.map((i, k) => (
      <span key={k} class={`asof-item modality-${i.modality}`}>
        <EntityLink e={i.entity} />{i.modality === 'possible' ? <span class="possibly" title="Possibly, given the uncertainty of the dates"> (possibly)</span> : null}{k < items.length - 1 ? '; ' : ''}
      </span>
    ))}</dd></div>
  ) : null);
  return (
    <div class="asof">
      <h3>As of a date</h3>
      <form class="row" onSubmit={(e) => { e.preventDefault(); navigate(href(['entity', id], { asof: d }), true); }}>
        <label for="asof-date" class="visually-hidden">Date (EDTF, e.g. 2008-06)</label>
        <input id="asof-date" value={d} placeholder="e.g. 2008-06" onInput={(e) => setD((e.target as HTMLInputElement).value)} />
        <button type="submit">Show</button>
      </form>
      {!date ? <p class="hint">Name, leaders and allegiance on a given date, certainly or possibly.</p> : view.loading ? <Loading what="the as-of view" /> : view.error ? <ErrorNote error={view.error} /> : view.data ? (
        <dl class="asof-list" aria-label={`As of ${view.data.dateText}`}>
          <Items label="Known as" items={view.data.forms} />
          <Items label="Led by" items={view.data.leaders} />
          <Items label="Deputy" items={view.data.deputies} />
          <Items label="Spokesman" items={view.data.spokesmen} />
          <Items label="Allegiance to" items={view.data.allegiance} />
          {view.data.conflicts.map((c, i) => <div key={i} class="asof-row"><dt>Contested</dt><dd>{c.topic} ({c.asserting.length} asserting, {c.denying.length} denying)</dd></div>)}
          {view.data.notes.map((n, i) => <p key={i} class="note">{n}</p>)}
        </dl>
      ) : null}
    </div>
  );
}
