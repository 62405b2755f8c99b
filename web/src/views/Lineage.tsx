import type { Core, LayoutOptions } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, itemsOf } from '../api';
import { ClaimCard, EntityLink, EntityPicker, ErrorNote, Loading } from '../components/common';
import { loadCytoscape, wrapLabel } from '../graph';
import { markRendered, useLoad, useTitle } from '../hooks';
import { href, navigate } from '../router';
import type { Lineage, LineageEdge } from '../types';
import { KIND_COLORS, predicateLabel, relationKind } from '../util';

const ALLEGIANCE = new Set(['pledged_allegiance_to', 'accepted_pledge_of', 'branch_of']);

export function LineageView({ id, perspective }: { id?: string; perspective: string }) {
  useTitle('Lineage');
  const persp = useLoad(() => api.perspectives(), []);
  const orgs = useLoad(() => (id ? Promise.resolve(undefined) : api.entities({ type: 'organization', limit: 60 })), [id]);
  const data = useLoad(() => (id ? api.lineage(id, perspective || undefined) : Promise.resolve(undefined)), [id, perspective]);
  return (
    <section class="lineage-view">
      <h1>Lineage{data.data ? <>: <span class="subtitle">{data.data.focus.name}</span></> : null}</h1>
      <div class="controls">
        <EntityPicker id="lineage-pick" label="Organization" placeholder="e.g. Jund al-Sham, ISI" onPick={(h) => navigate(href(['lineage', h.id], { perspective }))} />
        <div class="control">
          <label for="lineage-perspective">Perspective</label>
          <select id="lineage-perspective" value={perspective} disabled={!id} onChange={(e) => id && navigate(href(['lineage', id], { perspective: (e.target as HTMLSelectElement).value }), true)}>
            <option value="">all claimants (overall)</option>
            {itemsOf(persp.data).map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </div>
      </div>
      {!id ? (
        <>
          <p class="hint">Choose an organization to draw its family: foundings, renamings, mergers, splits, pledges and expulsions.</p>
          <ul class="chips">{itemsOf(orgs.data).map((e) => <li key={e.id}><a href={href(['lineage', e.id])}>{e.canonical}</a></li>)}</ul>
        </>
      ) : data.loading && !data.data ? <Loading what="the lineage" /> : data.error ? <ErrorNote error={data.error} /> : data.data ? <LineageGraph l={data.data} /> : null}
    </section>
  );
}

function LineageGraph({ l }: { l: Lineage }) {
  const box = useRef<HTMLDivElement>(null);
  const [sel, setSel] = useState<number>();
  const [narrow] = useState(() => window.matchMedia('(max-width: 700px)').matches);
  const elements = useMemo(() => {
    const nodes = l.nodes.map((n) => ({ data: { id: n.id, label: wrapLabel(n.name, 17), focus: n.id === l.focus.id ? 1 : 0 } }));
    const edges = l.edges.map((e, i) => ({
      data: {
        id: `e${i}`,
        source: e.from.id,
        target: e.to.id,
        label: e.family || e.disputed ? `${e.disputed ? '⚑ ' : ''}${predicateLabel(e.predicate)}${e.timeText && e.timeText !== 'undated' ? `\n${e.timeText}` : ''}` : '',
        full: `${e.disputed ? '⚑ ' : ''}${predicateLabel(e.predicate)}${e.timeText && e.timeText !== 'undated' ? `\n${e.timeText}` : ''}`,
        color: e.disputed ? '#b03a48' : KIND_COLORS[relationKind(e.predicate)],
        dashed: !e.family || ALLEGIANCE.has(e.predicate) ? 1 : 0,
        disputed: e.disputed ? 1 : 0,
      },
    }));
    return [...nodes, ...edges];
  }, [l]);

  useEffect(() => {
    if (!box.current) return;
    let dead = false;
    let destroy: (() => void) | undefined;
    void loadCytoscape().then((cytoscape) => {
      if (dead) return;
      const c: Core = cytoscape({
        container: box.current,
        elements,
        minZoom: 0.2,
        maxZoom: 3,
        style: [
          { selector: 'node', style: { shape: 'round-rectangle', 'background-color': '#f7f4ee', 'border-width': 1.5, 'border-color': '#5b6b82', label: 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'center', 'text-halign': 'center', 'font-size': 13, 'font-family': 'system-ui, sans-serif', color: '#1d2430', width: 134, height: 44, padding: '4px' } },
          { selector: 'node[focus = 1]', style: { 'background-color': '#2b3a55', color: '#ffffff', 'border-color': '#2b3a55', 'font-weight': 'bold' } },
          { selector: 'edge', style: { width: 2, 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'text-wrap': 'wrap', 'font-size': 11, 'font-family': 'system-ui, sans-serif', color: '#333', 'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': '1px', 'text-rotation': 'none', 'text-margin-y': -7 } },
          { selector: 'edge[dashed = 1]', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4] } },
          { selector: 'edge[disputed = 1]', style: { width: 3, color: '#8c1d2c' } },
          // Links drawn against the flow (a cycle: the Hill Group merged in, later split off) arc
          // around the nodes instead of running straight through them.
          { selector: 'edge.back', style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': [-110], 'control-point-weights': [0.5] } },
          { selector: 'edge:selected', style: { label: 'data(full)', width: 4 } },
          { selector: ':selected', style: { 'overlay-color': '#f0b400', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
        ],
        layout: { name: 'dagre', rankDir: narrow ? 'TB' : 'LR', nodeSep: 22, rankSep: 70, edgeSep: 10, padding: 16 } as unknown as LayoutOptions,
      });
      c.edges().forEach((e) => {
        const a = e.source().position();
        const b = e.target().position();
        if (narrow ? a.y >= b.y - 1 : a.x >= b.x - 1) e.addClass('back');
      });
      c.on('tap', 'node', (e) => navigate(href(['entity', e.target.id()])));
      c.on('tap', 'edge', (e) => setSel(Number(e.target.id().slice(1))));
      // Size the box to the drawing, so a wide, flat family is not shrunk into a tall empty frame.
      const el = box.current;
      if (!el) { c.destroy(); return; }
      const bb = c.elements().boundingBox();
      const zoom = Math.min(1, (el.clientWidth - 32) / Math.max(1, bb.w));
      el.style.height = `${Math.round(Math.min(760, Math.max(320, bb.h * zoom + 48)))}px`;
      c.resize();
      c.fit(undefined, 16);
      if (c.zoom() > 1) { c.zoom(1); c.center(); }
      markRendered(el, 'lineage');
      destroy = () => c.destroy();
    });
    return () => { dead = true; destroy?.(); };
  }, [elements]);

  const edge = sel !== undefined ? l.edges[sel] : undefined;
  return (
    <>
      <div class="graph lineage-graph" ref={box} role="img" aria-label={`Lineage diagram of ${l.focus.name}: ${l.nodes.length} organizations, ${l.edges.length} links. The same links are listed in the table below.`} />
      <ul class="legend" aria-label="Legend">
        <li><svg width="30" height="10" aria-hidden="true"><line x1="0" x2="30" y1="5" y2="5" stroke={KIND_COLORS.lineage} stroke-width="2" /></svg>founding, renaming, merger, split</li>
        <li><svg width="30" height="10" aria-hidden="true"><line x1="0" x2="30" y1="5" y2="5" stroke={KIND_COLORS.allegiance} stroke-width="2" stroke-dasharray="7 4" /></svg>allegiance (pledge, branch)</li>
        <li><svg width="30" height="10" aria-hidden="true"><line x1="0" x2="30" y1="5" y2="5" stroke={KIND_COLORS.conflict} stroke-width="2" stroke-dasharray="7 4" /></svg>expulsion</li>
        <li><svg width="30" height="10" aria-hidden="true"><line x1="0" x2="30" y1="5" y2="5" stroke="#b03a48" stroke-width="3" /></svg>⚑ disputed: some claimant denies it</li>
        <li>Click an organization to open its page, a link to see its claims.</li>
      </ul>
      {edge ? (
        <div class="selected-claim" aria-live="polite">
          <h2>{edge.from.name} → {edge.to.name}: {predicateLabel(edge.predicate)}</h2>
          {edge.claims.map((c) => <ClaimCard key={c.id} c={c} />)}
        </div>
      ) : null}
      <EdgeTable edges={l.edges} onPick={setSel} />
    </>
  );
}

function EdgeTable({ edges, onPick }: { edges: readonly LineageEdge[]; onPick: (i: number) => void }) {
  return (
    <table class="edge-table">
      <caption>Links in the diagram</caption>
      <thead><tr><th scope="col">From</th><th scope="col">Link</th><th scope="col">To</th><th scope="col">When</th><th scope="col">Claims</th></tr></thead>
      <tbody>
        {edges.map((e, i) => (
          <tr key={i} class={e.disputed ? 'disputed' : ''}>
            <td><EntityLink e={e.from} /></td>
            <td>{predicateLabel(e.predicate)}{e.disputed ? <span class="badge badge-disputed">disputed</span> : null}{!e.family ? <span class="muted"> (not a succession)</span> : null}</td>
            <td><EntityLink e={e.to} /></td>
            <td>{e.timeText}</td>
            <td><button type="button" class="link-button" onClick={() => onPick(i)}>{e.claims.length === 1 ? '1 claim' : `${e.claims.length} claims`}</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
