/** Cytoscape with the dagre layout, loaded on first use (its own chunk) and registered once. */
import type cytoscapeT from 'cytoscape';

let loading: Promise<typeof cytoscapeT> | undefined;
export function loadCytoscape(): Promise<typeof cytoscapeT> {
  loading ??= Promise.all([import('cytoscape'), import('cytoscape-dagre')]).then(([c, d]) => {
    c.default.use(d.default);
    return c.default;
  });
  return loading;
}

/** Wraps long labels at about `width` characters (cytoscape's own wrapping needs measured widths). */
export function wrapLabel(s: string, width = 18): string {
  const words = s.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > width) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export interface Point { x: number; y: number }

/**
 * A linear-time layout for large graphs: the best-connected nodes become hubs placed on a
 * spiral, every other node sits on a sunflower spiral around the hub it is linked to (its
 * best-connected neighbour), and nodes with no hub neighbour fill a grid below. Cytoscape's
 * force layouts are quadratic and take minutes at 5,000 nodes; this takes milliseconds.
 */
export function clusterLayout(nodes: readonly string[], edges: readonly { source: string; target: string }[], spacing = 16): Map<string, Point> {
  const degree = new Map<string, number>(nodes.map((n) => [n, 0]));
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    if (!degree.has(e.source) || !degree.has(e.target)) continue;
    degree.set(e.source, degree.get(e.source)! + 1);
    degree.set(e.target, degree.get(e.target)! + 1);
    (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push(e.target);
    (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push(e.source);
  }
  const byDegree = [...nodes].sort((a, b) => degree.get(b)! - degree.get(a)! || a.localeCompare(b));
  const hubs = new Set(byDegree.filter((n) => degree.get(n)! >= 3).slice(0, 400));
  const members = new Map<string, string[]>([...hubs].map((h) => [h, []]));
  const loose: string[] = [];
  for (const n of nodes) {
    if (hubs.has(n)) continue;
    let best: string | undefined;
    for (const m of adj.get(n) ?? []) if (hubs.has(m) && (!best || degree.get(m)! > degree.get(best)!)) best = m;
    if (best) members.get(best)!.push(n);
    else loose.push(n);
  }
  const pos = new Map<string, Point>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  // Hubs on an outward spiral; each claims a disc sized by its member count.
  let ring = 0;
  let angle = 0;
  const placedHubs: { x: number; y: number; r: number }[] = [];
  for (const h of byDegree.filter((n) => hubs.has(n))) {
    const r = spacing * (2 + Math.sqrt(members.get(h)!.length + 1) * 1.1);
    let x = 0;
    let y = 0;
    if (placedHubs.length) {
      for (;;) {
        angle += Math.max(0.15, (r * 1.2) / Math.max(ring, r));
        ring += 0.9 * (r / (2 * Math.PI)) * 0.35;
        x = Math.cos(angle) * ring;
        y = Math.sin(angle) * ring;
        if (placedHubs.every((p) => (p.x - x) ** 2 + (p.y - y) ** 2 >= (p.r + r) ** 2)) break;
      }
    }
    placedHubs.push({ x, y, r });
    pos.set(h, { x, y });
    members.get(h)!.forEach((m, i) => {
      const d = spacing * 1.6 * Math.sqrt(i + 2);
      pos.set(m, { x: x + Math.cos(i * golden) * d, y: y + Math.sin(i * golden) * d });
    });
  }
  // Nodes without a hub neighbour: a grid under everything else.
  const bottom = placedHubs.reduce((m, p) => Math.max(m, p.y + p.r), 0) + spacing * 4;
  const left = placedHubs.reduce((m, p) => Math.min(m, p.x - p.r), 0);
  const cols = Math.max(8, Math.ceil(Math.sqrt(loose.length * 3)));
  loose.forEach((n, i) => pos.set(n, { x: left + (i % cols) * spacing * 4, y: bottom + Math.floor(i / cols) * spacing * 3 }));
  return pos;
}
