import { useEffect } from 'preact/hooks';
import { api } from '../api';
import { Chain, chainWorthShowing, ClaimSentence, EntityLink, EntityPicker, Empty, ErrorNote, Loading } from '../components/common';
import { useLoad, useTitle } from '../hooks';
import { href, navigate } from '../router';
import type { CitedClaim, Dispute } from '../types';
import { safeUrl } from '../util';

export function DisputesView({ entity, focus }: { entity: string; focus: string }) {
  useTitle('Disputes');
  const data = useLoad(() => api.disputes(entity || undefined), [entity]);
  useEffect(() => {
    if (focus && data.data) document.getElementById(`dispute-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [focus, data.data]);
  const entityName = data.data?.flatMap((d) => d.entities).find((e) => e.id === entity)?.name ?? entity;
  return (
    <section class="disputes-view">
      <h1>Disputes{entity ? <>: <span class="subtitle">{entityName}</span></> : null}</h1>
      <p class="lede">Each contested question with its sides next to each other. Every side is a set of attributed claims; the tool does not decide between them.</p>
      <div class="controls">
        <EntityPicker id="disputes-pick" label="Questions about" placeholder="any entity" onPick={(h) => navigate(href('disputes', { entity: h.id }))} />
        {entity ? <div class="control"><span class="control-label">About</span><span class="chip">{entityName}<button type="button" class="chip-remove" aria-label="Show all disputes" onClick={() => navigate(href('disputes'))}>×</button></span></div> : null}
      </div>
      {data.loading && !data.data ? <Loading what="disputes" /> : data.error ? <ErrorNote error={data.error} /> : !data.data?.length ? <Empty>No contested questions recorded{entity ? ' about this entity' : ''}.</Empty> : (
        <ol class="dispute-list">
          {data.data.map((d) => <li key={d.id}><DisputeCard d={d} focused={d.id === focus} /></li>)}
        </ol>
      )}
    </section>
  );
}

const STANCE_LABEL: Record<string, string> = { asserts: 'Asserts', denies: 'Denies' };

function DisputeCard({ d, focused }: { d: Dispute; focused: boolean }) {
  return (
    <article class={`dispute card${focused ? ' focused' : ''}`} id={`dispute-${d.id}`} aria-labelledby={`dq-${d.id}`}>
      <h2 id={`dq-${d.id}`}>{d.question}</h2>
      {d.entities.length ? <p class="dispute-entities">About: {d.entities.map((e, i) => <span key={e.id}>{i ? ', ' : ''}<EntityLink e={e} /></span>)}</p> : null}
      <div class={`sides sides-${d.sides.length}`}>
        {d.sides.map((s, i) => (
          <section key={i} class={`side side-${s.stance}`} aria-label={`${STANCE_LABEL[s.stance] ?? s.stance}: ${s.claims.length} claims`}>
            <h3>{STANCE_LABEL[s.stance] ?? s.stance} <span class="count">{s.claims.length}</span></h3>
            <ol class="side-claims">
              {s.claims.map((c) => <li key={c.id}><SideClaim c={c} /></li>)}
            </ol>
          </section>
        ))}
      </div>
    </article>
  );
}

function SideClaim({ c }: { c: CitedClaim }) {
  return (
    <div class="side-claim" data-claim={c.id}>
      <p class="side-claimant">{c.claimant ? <EntityLink e={c.claimant} /> : <span class="muted">unattributed</span>}<span class="time"> · {c.timeText}</span></p>
      <ClaimSentence c={c} />
      {chainWorthShowing(c.chain) ? <Chain chain={c.chain} /> : null}
      {c.evidence.map((ev, i) => {
        const ext = safeUrl(ev.url);
        return (
          <figure key={i} class="evidence">
            <blockquote class="quote">{ev.quote}</blockquote>
            <figcaption>
              <a href={href(['source', ev.source], { claim: c.id })}>{ev.title ?? ev.source}</a>
              {ev.page ? `, p. ${ev.page}` : ''}
              {ext ? <> · <a href={ext} class="external" rel="noopener noreferrer nofollow" target="_blank">original</a></> : null}
            </figcaption>
          </figure>
        );
      })}
      {c.note ? <p class="note"><span class="note-label">Note:</span> {c.note}</p> : null}
    </div>
  );
}
