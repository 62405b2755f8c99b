import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Badge, Empty, ErrorNote, Loading } from '../components/common';
import { useDebounced, useLoad, useTitle } from '../hooks';
import { href, navigate } from '../router';

export function SearchView({ q }: { q: string }) {
  useTitle(q ? `Search: ${q}` : 'Search');
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const typed = useDebounced(text, 250);
  useEffect(() => {
    if (typed !== q) navigate(href('search', { q: typed }), true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);
  const hits = useLoad(() => (q.trim() ? api.search(q.trim(), 30) : Promise.resolve([])), [q]);
  return (
    <section class="search-view">
      <h1>Search names</h1>
      <form role="search" onSubmit={(e) => { e.preventDefault(); navigate(href('search', { q: text }), true); }}>
        <label for="search-q">Name, kunya, acronym or any spelling</label>
        <div class="row">
          <input id="search-q" type="search" value={text} autoFocus placeholder="e.g. Osama bin Laden, Abu Ali al-Anbari, ISI" onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          <button type="submit">Search</button>
        </div>
        <p class="hint">Spellings are folded: bin/ibn, Usama/Osama, Abd al-/Abdul, hamza and ayn marks, and diacritics are matched across transliterations.</p>
      </form>
      {!q.trim() ? null : hits.loading ? <Loading what="results" /> : hits.error ? <ErrorNote error={hits.error} /> : !hits.data?.length ? (
        <Empty>No names match “{q}”.</Empty>
      ) : (
        <>
          <p class="result-count" role="status">{hits.data.length === 1 ? '1 entity matches' : `${hits.data.length} entities match`} “{q}”</p>
          <ol class="results" aria-label="Search results">
            {hits.data.map((h) => (
              <li key={h.id} class="result">
                <div class="result-head">
                  <a href={href(['entity', h.id])} class="result-name">{h.canonical}</a>
                  <Badge kind={`type-${h.type}`}>{h.type}</Badge>
                  <span class="score" title="Match score, 0 to 1">{h.score.toFixed(2)}</span>
                </div>
                {h.matchedName !== h.canonical ? <p class="matched">matched the name <strong>{h.matchedName}</strong></p> : null}
                <ul class="reasons" aria-label="Why this matched">
                  {h.reasons.map((r, i) => <li key={i}>{r}</li>)}
                </ul>
                {h.description ? <p class="description">{h.description}</p> : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
