/**
 * A plain 2D-canvas graph for networks too large for Cytoscape's per-element styling (thousands
 * of nodes): the same encoding (colour by kind of relation, dashed = possibly in force, dotted =
 * denied; circles are people, squares organizations, triangles places), pan by dragging, zoom
 * with the wheel or +/−, click a node to open its page. Edges and nodes are drawn in batches.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { markRendered } from '../hooks';
import type { Point } from '../graph';

export interface CanvasNode { readonly id: string; readonly name: string; readonly type: string }
export interface CanvasEdge { readonly source: string; readonly target: string; readonly color: string; readonly possible: boolean; readonly denied: boolean }

interface View { k: number; tx: number; ty: number }

const TYPE_COLOR: Record<string, string> = { person: '#5b6b82', organization: '#2f5d8a', place: '#7a7a52' };

export function CanvasGraph({ nodes, edges, positions, focus, onPick, ariaLabel, labelled }: {
  nodes: readonly CanvasNode[];
  edges: readonly CanvasEdge[];
  positions: Map<string, Point>;
  focus?: string;
  onPick: (id: string) => void;
  ariaLabel: string;
  /** Nodes whose labels are drawn at any zoom (the others from a closer zoom on). */
  labelled: ReadonlySet<string>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<View>({ k: 1, tx: 0, ty: 0 });
  const [hover, setHover] = useState<CanvasNode>();
  const frame = useRef(0);

  const draw = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const { k, tx, ty } = view.current;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.setTransform(k, 0, 0, k, tx, ty);
    // Edges, batched by style.
    const groups = new Map<string, CanvasEdge[]>();
    for (const e of edges) {
      const key = `${e.color}|${e.possible ? 1 : 0}|${e.denied ? 1 : 0}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(e);
    }
    ctx.lineWidth = 1.2 / Math.sqrt(k);
    for (const [key, list] of groups) {
      const [color, possible, denied] = key.split('|');
      ctx.strokeStyle = color!;
      ctx.globalAlpha = denied === '1' ? 0.35 : 0.7;
      ctx.setLineDash(denied === '1' ? [1.5 / k, 3 / k] : possible === '1' ? [6 / k, 4 / k] : []);
      ctx.beginPath();
      for (const e of list) {
        const a = positions.get(e.source);
        const b = positions.get(e.target);
        if (!a || !b) continue;
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      }
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    // Nodes, batched by type.
    const r = 5;
    for (const type of ['person', 'organization', 'place', 'unknown']) {
      ctx.fillStyle = TYPE_COLOR[type] ?? '#777';
      ctx.beginPath();
      for (const n of nodes) {
        if ((TYPE_COLOR[n.type] ? n.type : 'unknown') !== type) continue;
        const p = positions.get(n.id);
        if (!p) continue;
        if (type === 'organization') ctx.rect(p.x - r * 1.3, p.y - r, r * 2.6, r * 2);
        else if (type === 'place') { ctx.moveTo(p.x, p.y - r * 1.2); ctx.lineTo(p.x + r * 1.1, p.y + r); ctx.lineTo(p.x - r * 1.1, p.y + r); ctx.closePath(); }
        else { ctx.moveTo(p.x + r, p.y); ctx.arc(p.x, p.y, r, 0, Math.PI * 2); }
      }
      ctx.fill();
    }
    const f = focus ? positions.get(focus) : undefined;
    if (f) {
      ctx.strokeStyle = '#f0b400';
      ctx.lineWidth = 3 / k;
      ctx.beginPath();
      ctx.arc(f.x, f.y, r * 2, 0, Math.PI * 2);
      ctx.stroke();
    }
    // Labels: hubs always, every node in view once zoomed in enough to read them (capped).
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.85)';
    ctx.fillStyle = '#1d2430';
    const all = k >= 1.4;
    let drawn = 0;
    for (const n of nodes) {
      if (!all && !labelled.has(n.id) && n.id !== focus) continue;
      const p = positions.get(n.id);
      if (!p) continue;
      const sx = p.x * k + tx;
      const sy = p.y * k + ty;
      if (sx < -50 || sy < -20 || sx > c.width + 50 || sy > c.height + 20) continue;
      ctx.strokeText(n.name, sx, sy + r * k + 2);
      ctx.fillText(n.name, sx, sy + r * k + 2);
      if (++drawn > 600) break;
    }
  };

  const schedule = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(draw);
  };

  const fit = () => {
    const c = canvas.current;
    if (!c) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const p of positions.values()) { x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y); }
    if (!Number.isFinite(x0)) { view.current = { k: 1, tx: c.width / 2, ty: c.height / 2 }; return; }
    const pad = 30;
    const k = Math.min(2, (c.width - 2 * pad) / Math.max(1, x1 - x0), (c.height - 2 * pad) / Math.max(1, y1 - y0));
    view.current = { k, tx: (c.width - k * (x0 + x1)) / 2, ty: (c.height - k * (y0 + y1)) / 2 };
  };

  useEffect(() => {
    const el = box.current;
    const c = canvas.current;
    if (!el || !c) return;
    el.removeAttribute('data-rendered');
    const size = () => {
      c.width = el.clientWidth;
      c.height = el.clientHeight;
    };
    size();
    fit();
    draw();
    markRendered(el, 'network');
    const ro = new ResizeObserver(() => { size(); schedule(); });
    ro.observe(el);
    return () => { ro.disconnect(); cancelAnimationFrame(frame.current); };
  }, [nodes, edges, positions, focus]);

  const zoomAt = (factor: number, sx: number, sy: number) => {
    const v = view.current;
    const k = Math.min(20, Math.max(0.02, v.k * factor));
    const f = k / v.k;
    view.current = { k, tx: sx - (sx - v.tx) * f, ty: sy - (sy - v.ty) * f };
    schedule();
  };

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = c.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    };
    c.addEventListener('wheel', onWheel, { passive: false });
    return () => c.removeEventListener('wheel', onWheel);
  });

  const nearest = (sx: number, sy: number): CanvasNode | undefined => {
    const { k, tx, ty } = view.current;
    const x = (sx - tx) / k;
    const y = (sy - ty) / k;
    let best: CanvasNode | undefined;
    let bestD = (10 / k) ** 2;
    for (const n of nodes) {
      const p = positions.get(n.id);
      if (!p) continue;
      const d = (p.x - x) ** 2 + (p.y - y) ** 2;
      if (d < bestD) { bestD = d; best = n; }
    }
    return best;
  };

  const drag = useRef<{ x: number; y: number; tx: number; ty: number; moved: boolean } | null>(null);
  const local = (e: PointerEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };

  return (
    <div class="graph network-graph canvas-graph" ref={box} data-items={nodes.length}>
      <canvas
        ref={canvas}
        tabIndex={0}
        role="img"
        aria-label={ariaLabel}
        title={hover ? `${hover.name} (${hover.type}) — click to open` : undefined}
        class={hover ? 'pointer' : ''}
        onPointerDown={(e) => { drag.current = { x: e.clientX, y: e.clientY, tx: view.current.tx, ty: view.current.ty, moved: false }; }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d && (e.buttons & 1)) {
            if (Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 3) d.moved = true;
            view.current = { ...view.current, tx: d.tx + e.clientX - d.x, ty: d.ty + e.clientY - d.y };
            schedule();
          } else {
            const [sx, sy] = local(e);
            const n = nearest(sx, sy);
            if (n?.id !== hover?.id) setHover(n);
          }
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d && !d.moved) {
            const [sx, sy] = local(e);
            const n = nearest(sx, sy);
            if (n) onPick(n.id);
          }
        }}
        onKeyDown={(e) => {
          const c = canvas.current!;
          if (e.key === '+' || e.key === '=') zoomAt(1.4, c.width / 2, c.height / 2);
          else if (e.key === '-') zoomAt(1 / 1.4, c.width / 2, c.height / 2);
          else if (e.key === '0') { fit(); schedule(); }
          else if (e.key.startsWith('Arrow')) {
            const dx = e.key === 'ArrowLeft' ? 60 : e.key === 'ArrowRight' ? -60 : 0;
            const dy = e.key === 'ArrowUp' ? 60 : e.key === 'ArrowDown' ? -60 : 0;
            view.current = { ...view.current, tx: view.current.tx + dx, ty: view.current.ty + dy };
            schedule();
          } else return;
          e.preventDefault();
        }}
      />
      <p class="graph-help">Drag to pan · wheel or +/− to zoom · 0 to fit · click a node to open it</p>
    </div>
  );
}
