import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, itemsOf } from '../api';
import { EntityLink, EntityPicker, ErrorNote, Loading } from '../components/common';
import { CanvasGraph } from '../components/CanvasGraph';
import { clusterLayout, loadCytoscape, wrapLabel } from '../graph';
import { markRendered, useLoad, useTitle } from '../hooks';
import { href, navigate } from '../router';
import { edtfToMonthIndex, monthIndexToEdtf } from '../time';
import type { EntityRef, Network } from '../types';
import { KIND_COLORS, KIND_LABELS, predicateLabel, relationKind, type RelationKind } from '../util';

const MIN = 1979 * 12;
const MAX = 2026 * 12 + 11;
const DEFAULT_DATE = '2008-06';

export function NetworkView({ params }: { params: URLSearchParams }) {
  const date = params.get('date') || DEFAULT_DATE;
  const focus = params.get('focus') ?? '';
  const hops = params.get('hops') ?? '';
  const perspective = params.get('perspective') ?? '';
  useTitle(`Network as of ${date}`);
  const [slider, setSlider] = useState(() => edtfToMonthIndex(date) ?? edtfToMonthIndex(DEFAULT_DATE)!);
  const [typed, setTyped] = useState(date);
  useEffect(() => { const m = edtfToMonthIndex(date); if (m !== undefined) setSlider(m); setTyped(date); }, [date]);
  const persp = useLoad(() => api.perspectives(), []);
  const data = useLoad(() => api.network({ date, focus: focus || undefined, hops: hops ? Number(hops) : undefined, perspective: perspective || undefined }), [date, focus, hops, perspective]);
  const set = (patch: Record<string, string | undefined>) => navigate(href('network', { date, focus, hops, perspective, ...patch }), true);
  const focusName = data.data?.nodes.find((n) => n.id === focus)?.name ?? focus;

  return (
    <section class="network-view">
      <h1>Network as of <span class="subtitle">{date}</span></h1>
      <div class="controls">
        <div class="control slider-control">
          <label for="net-slider">Date</label>
          <input id="net-slider" type="range" min={MIN} max={MAX} step={1} value={slider}
            aria-valuetext={monthIndexToEdtf(slider)}
            onInput={(e) => setSlider(Number((e.target as HTMLInputElement).value))}
            onChange={(e) => set({ date: monthIndexToEdtf(Number((e.target as HTMLInputElement).value)) })} />
          <output for="net-slider" class="slider-value">{monthIndexToEdtf(slider)}</output>
        </div>
        <form class="control narrow" onSubmit={(e) => { e.preventDefault(); if (typed.trim()) set({ date: typed.trim() }); }}>
          <label for="net-date">Date (EDTF)</label>
          <input id="net-date" value={typed} placeholder="e.g. 2008-06" onInput={(e) => setTyped((e.target as HTMLInputElement).value)} />
        </form>
        <EntityPicker id="net-focus" label="Around an entity" placeholder="all entities" onPick={(h) => set({ focus: h.id })} />
        {focus ? (
          <div class="control">
            <span class="control-label">Focus</span>
            <span class="chip">{focusName}<button type="button" class="chip-remove" aria-label="Clear focus" onClick={() => set({ focus: undefined, hops: undefined })}>×</button></span>
          </div>
        ) : null}
        {focus ? (
          <div class="control narrow">
            <label for="net-hops">Steps</label>
            <select id="net-hops" value={hops || '2'} onChange={(e) => set({ hops: (e.target as HTMLSelectElement).value })}>
              {[1, 2, 3].map((h) => <option key={h} value={String(h)}>{h}</option>)}
            </select>
          </div>
        ) : null}
        <div class="control">
          <label for="net-perspective">Perspective</label>
          <select id="net-perspective" value={perspective} onChange={(e) => set({ perspective: (e.target as HTMLSelectElement).value })}>
            <option value="">all claimants (overall)</option>
            {itemsOf(persp.data).map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </div>
      </div>
      {data.loading && !data.data ? <Loading what="the network" /> : data.error ? <ErrorNote error={data.error} /> : data.data ? <NetworkGraph n={data.data} focus={focus} /> : null}
    </section>
  );
}

/** Above this many nodes the view draws on a plain canvas (Cytoscape's styling is too slow). */
const CANVAS_ABOVE = 1500;

function CytoscapeNetwork({ n, focus, byId }: { n: Network; focus: string; byId: Map<string, EntityRef> }) {
  const box = useRef<HTMLDivElement>(null);
  const big = n.nodes.length > 400;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.removeAttribute('data-rendered');
    const present = n.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
    const positions = big ? clusterLayout(n.nodes.map((x) => x.id), present) : undefined;
    // In a large graph only well-connected nodes carry a label; the others show theirs when selected.
    const deg = new Map<string, number>();
    for (const e of present) { deg.set(e.source, (deg.get(e.source) ?? 0) + 1); deg.set(e.target, (deg.get(e.target) ?? 0) + 1); }
    const hubs = new Set(big ? [...deg].filter(([, d]) => d >= 10).map(([id]) => id) : []);
    const elements: ElementDefinition[] = [
      ...n.nodes.map((x) => ({
        data: { id: x.id, name: x.name, label: big ? (hubs.has(x.id) ? x.name : '') : wrapLabel(x.name, 16), type: x.type ?? 'unknown', focus: x.id === focus ? 1 : 0 },
        ...(positions ? { position: positions.get(x.id) ?? { x: 0, y: 0 } } : {}),
      })),
      ...n.edges.filter((e) => byId.has(e.source) && byId.has(e.target)).map((e) => ({
        data: { id: `n-${e.id}`, source: e.source, target: e.target, color: KIND_COLORS[relationKind(e.predicate)], possible: e.modality === 'possible' ? 1 : 0, denied: e.stance === 'denies' ? 1 : 0, label: predicateLabel(e.predicate) },
      })),
    ];
    let dead = false;
    let destroy: (() => void) | undefined;
    void loadCytoscape().then((cytoscape) => {
      if (dead) return;
      const c: Core = cytoscape({
        container: el,
        elements,
        minZoom: 0.02,
        maxZoom: 4,
        textureOnViewport: big,
        hideEdgesOnViewport: big,
        pixelRatio: big ? 1 : 'auto',
        style: [
          { selector: 'node', style: { label: 'data(label)', 'text-wrap': 'wrap', 'font-size': 13, 'text-background-color': '#ffffff', 'text-background-opacity': 0.7, 'text-background-padding': '1px', 'font-family': 'system-ui, sans-serif', color: '#1d2430', 'text-valign': 'bottom', 'text-margin-y': 4, width: 20, height: 20, 'background-color': '#5b6b82', 'border-width': 1, 'border-color': '#ffffff', 'min-zoomed-font-size': big ? 9 : 0 } },
          { selector: 'node[type = "organization"]', style: { shape: 'round-rectangle', width: 28, height: 20, 'background-color': '#2f5d8a' } },
          { selector: 'node[type = "place"]', style: { shape: 'triangle', 'background-color': '#7a7a52' } },
          { selector: 'node[focus = 1]', style: { 'border-width': 4, 'border-color': '#f0b400', width: 28, height: 28 } },
          { selector: 'edge', style: { width: 1.8, 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': big ? 'none' : 'triangle', 'curve-style': big ? 'haystack' : 'bezier', opacity: 0.85 } },
          { selector: 'edge[possible = 1]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
          { selector: 'edge[denied = 1]', style: { 'line-style': 'dotted', opacity: 0.5 } },
          { selector: 'node:selected', style: { label: 'data(name)', 'border-width': 3, 'border-color': '#f0b400', 'z-index': 10 } },
          { selector: 'edge:selected', style: { label: 'data(label)', 'font-size': 10, 'text-background-color': '#fff', 'text-background-opacity': 0.9, width: 3 } },
        ],
        layout: big
          ? ({ name: 'preset', fit: true, padding: 20 } as LayoutOptions)
          : { name: 'cose', animate: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 80, nodeOverlap: 40, gravity: 60, numIter: 1500, componentSpacing: 80, padding: 24, randomize: true } as unknown as LayoutOptions,
      });
      c.on('tap', 'node', (e) => navigate(href(['entity', e.target.id()])));
      c.ready(() => {
        if (c.zoom() > 1.1) { c.zoom(1.1); c.center(); }
        markRendered(el, 'network');
      });
      destroy = () => c.destroy();
    });
    return () => { dead = true; destroy?.(); };
  }, [n, focus]);

  return <div class="graph network-graph" ref={box} data-items={n.nodes.length} role="img" aria-label={`Network as of ${n.date}: ${n.nodes.length} entities. The links are listed in the table below.`} />;
}

function NetworkGraph({ n, focus }: { n: Network; focus: string }) {
  const byId = useMemo(() => new Map(n.nodes.map((x) => [x.id, x])), [n]);
  const kinds = useMemo(() => [...new Set(n.edges.map((e) => relationKind(e.predicate)))] as RelationKind[], [n]);
  const present = useMemo(() => n.edges.filter((e) => byId.has(e.source) && byId.has(e.target)), [n, byId]);
  const huge = n.nodes.length > CANVAS_ABOVE;
  const canvasData = useMemo(() => {
    if (!huge) return undefined;
    const deg = new Map<string, number>();
    for (const e of present) { deg.set(e.source, (deg.get(e.source) ?? 0) + 1); deg.set(e.target, (deg.get(e.target) ?? 0) + 1); }
    return {
      nodes: n.nodes.map((x) => ({ id: x.id, name: x.name, type: x.type ?? 'unknown' })),
      edges: present.map((e) => ({ source: e.source, target: e.target, color: KIND_COLORS[relationKind(e.predicate)], possible: e.modality === 'possible', denied: e.stance === 'denies' })),
      positions: clusterLayout(n.nodes.map((x) => x.id), present),
      labelled: new Set([...deg].filter(([, d]) => d >= 10).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([id]) => id)),
    };
  }, [n, huge, present]);
  const certain = present.filter((e) => e.modality === 'certain').length;
  const label = `Network as of ${n.date}: ${n.nodes.length} entities and ${present.length} links. The links are listed in the table below.`;
  return (
    <>
      <p class="summary" role="status">{n.nodes.length.toLocaleString('en')} entities and {present.length.toLocaleString('en')} links on {n.date}: {certain.toLocaleString('en')} certain, {(present.length - certain).toLocaleString('en')} possible given the uncertainty of the dates.</p>
      {canvasData ? (
        <CanvasGraph {...canvasData} focus={focus} ariaLabel={label} onPick={(id) => navigate(href(['entity', id]))} />
      ) : (
        <CytoscapeNetwork n={n} focus={focus} byId={byId} />
      )}
      <ul class="legend" aria-label="Legend">
        {kinds.map((k) => <li key={k}><svg width="30" height="10" aria-hidden="true"><line x1="0" x2="30" y1="5" y2="5" stroke={KIND_COLORS[k]} stroke-width="2" /></svg>{KIND_LABELS[k]}</li>)}
        <li><svg width="30" height="10" aria-hidden="true"><line x1="0" x2="30" y1="5" y2="5" stroke="#555" stroke-width="2" /></svg>certainly in force on the date</li>
        <li><svg width="30" height="10" aria-hidden="true"><line x1="0" x2="30" y1="5" y2="5" stroke="#555" stroke-width="2" stroke-dasharray="6 4" /></svg>possibly in force</li>
        <li><svg width="14" height="12" aria-hidden="true"><circle cx="6" cy="6" r="5" fill="#5b6b82" /></svg>person</li>
        <li><svg width="14" height="12" aria-hidden="true"><rect width="14" height="10" rx="2" fill="#2f5d8a" /></svg>organization</li>
      </ul>
      <LinkTable n={n} byId={byId} />
    </>
  );
}

function LinkTable({ n, byId }: { n: Network; byId: Map<string, EntityRef> }) {
  const [limit, setLimit] = useState(100);
  const rows = n.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  return (
    <table class="edge-table">
      <caption>Links in force on {n.date}</caption>
      <thead><tr><th scope="col">From</th><th scope="col">Link</th><th scope="col">To</th><th scope="col">In force</th></tr></thead>
      <tbody>
        {rows.slice(0, limit).map((e) => (
          <tr key={e.id} class={`modality-${e.modality}`}>
            <td><EntityLink e={byId.get(e.source)!} /></td>
            <td>{e.stance === 'denies' ? 'not: ' : ''}{predicateLabel(e.predicate)}</td>
            <td><EntityLink e={byId.get(e.target)!} /></td>
            <td>{e.modality === 'certain' ? 'certainly' : 'possibly'}</td>
          </tr>
        ))}
      </tbody>
      {rows.length > limit ? (
        <tfoot><tr><td colSpan={4}><button type="button" onClick={() => setLimit(limit + 500)}>Show more ({(rows.length - limit).toLocaleString('en')} left)</button></td></tr></tfoot>
      ) : null}
    </table>
  );
}
