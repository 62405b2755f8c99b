import { api, itemsOf } from '../api';
import { Loading } from '../components/common';
import { useLoad, useTitle } from '../hooks';
import { href } from '../router';

const VIEWS: readonly { to: string; title: string; text: string }[] = [
  { to: href('search'), title: 'Search', text: 'Find a person or organization by any of its names, kunyas or spellings, and see why each result matched.' },
  { to: href('timeline'), title: 'Timeline', text: 'Events and intervals for chosen entities, with uncertain dates drawn as uncertain.' },
  { to: href('lineage'), title: 'Lineage', text: 'Renamings, mergers, splits and pledges of an organization family.' },
  { to: href('network'), title: 'Network as of a date', text: 'Who was linked to whom on a given date, certainly or possibly.' },
  { to: href('disputes'), title: 'Disputes', text: 'Contested questions with each side, its claimants and its chain of transmission.' },
  { to: href('review'), title: 'Review queue', text: 'Candidate claims from ingested documents, to accept, reject or correct.' },
  { to: href('sources'), title: 'Sources', text: 'The documents behind the claims, with every evidence span highlighted.' },
];

export function HomeView() {
  useTitle('');
  const stats = useLoad(() => api.stats(), []);
  const ents = useLoad(() => api.entities({ type: 'organization', limit: 12 }), []);
  const counts = stats.data ? flatCounts(stats.data) : [];
  return (
    <section class="home">
      <h1>isnad</h1>
      <p class="lede">A source-grounded, time-aware knowledge base of contested histories. Each fact says who asserts it, in which source, in which words, and for what stretch of time.</p>
      {stats.loading ? <Loading what="counts" /> : counts.length ? (
        <dl class="stats" aria-label="Contents of the knowledge base">
          {counts.map(([k, v]) => (
            <div key={k}><dt>{k}</dt><dd>{v.toLocaleString('en')}</dd></div>
          ))}
        </dl>
      ) : null}
      <ul class="view-cards">
        {VIEWS.map((v) => (
          <li key={v.to}><a href={v.to}><strong>{v.title}</strong><span>{v.text}</span></a></li>
        ))}
      </ul>
      {itemsOf(ents.data).length ? (
        <>
          <h2>Organizations</h2>
          <ul class="chips">
            {itemsOf(ents.data).map((e) => <li key={e.id}><a href={href(['entity', e.id])}>{e.canonical}</a></li>)}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function flatCounts(s: Record<string, unknown>): [string, number][] {
  const src = (typeof s.counts === 'object' && s.counts !== null ? s.counts : s) as Record<string, unknown>;
  return Object.entries(src).filter((e): e is [string, number] => typeof e[1] === 'number');
}
