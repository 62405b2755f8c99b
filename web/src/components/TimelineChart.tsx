/**
 * An SVG timeline of events and intervals with their uncertainty drawn: an imprecise date
 * ("2006", "late 2006") is a hatched band over every moment it can stand for; an interval has a
 * solid core where it certainly held and hatched ends where its start or end is uncertain; open
 * ends fade out to the edge; approximate (~) or uncertain (?) dates carry a "~" label.
 * Zoom from centuries to days with ctrl+wheel, the buttons or the + and − keys; drag or arrow
 * keys to pan. Only rows on screen are drawn, so ten thousand items stay responsive.
 */
import { scaleUtc } from 'd3-scale';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { markRendered } from '../hooks';
import { DAY, YEAR, type TimeSpan } from '../time';

export interface TimelineItem {
  readonly id: string;
  readonly label: string;
  readonly title: string;
  readonly span: TimeSpan;
  readonly color: string;
  readonly dashed?: boolean;
}

interface Placed {
  readonly item: TimelineItem;
  readonly text: string;
  readonly lane: number;
  readonly x0: number; // pixel extents (clamped)
  readonly x1: number;
}

const ROW = 30;
const LABEL_CHAR = 7; // generous average advance of 11.5px sans text
const LABEL_MAX = 64;
const MIN_SPAN = 3 * DAY;
const MAX_SPAN = 400 * YEAR;

function finite(n: number, fallback: number): number {
  return Number.isFinite(n) ? n : fallback;
}

export function extentOfItems(items: readonly TimelineItem[]): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of items) {
    for (const v of [it.span.start.earliest, it.span.start.latest, it.span.end.earliest, it.span.end.latest]) {
      if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
    }
  }
  if (!Number.isFinite(lo)) return undefined;
  const pad = Math.max((hi - lo) * 0.04, 60 * DAY);
  return [lo - pad, hi + pad];
}

function spanLabel(ms: number): string {
  if (ms >= 2 * YEAR) return `${Math.round(ms / YEAR)} years`;
  if (ms >= 60 * DAY) return `${Math.round(ms / (30.44 * DAY))} months`;
  return `${Math.max(1, Math.round(ms / DAY))} days`;
}

export function TimelineChart({
  items,
  height = 420,
  selected,
  onSelect,
  ariaLabel,
  compact = false,
}: {
  items: readonly TimelineItem[];
  height?: number;
  selected?: string;
  onSelect?: (id: string) => void;
  ariaLabel: string;
  compact?: boolean;
}) {
  const root = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const full = useMemo(() => extentOfItems(items), [items]);
  const [domain, setDomain] = useState<[number, number] | undefined>(full);
  useEffect(() => setDomain(full), [full]);
  const uid = useMemo(() => `tl${Math.random().toString(36).slice(2, 8)}`, []);

  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    setWidth(el.clientWidth || 900);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth || 900));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const sorted = useMemo(
    () => [...items].sort((a, b) => finite(a.span.start.earliest, -8.64e15) - finite(b.span.start.earliest, -8.64e15) || a.id.localeCompare(b.id)),
    [items],
  );

  const [d0, d1] = domain ?? [0, 1];
  const x = useMemo(() => scaleUtc().domain([new Date(d0), new Date(d1)]).range([0, width]), [d0, d1, width]);
  const px = (t: number) => (t === -Infinity ? -1e6 : t === Infinity ? 1e6 : x(t));

  const placed = useMemo(() => {
    const out: Placed[] = [];
    if (!width) return { out, lanes: 0 };
    // Greedy interval packing in start order. Large sets reuse the lane that became free first
    // (a min-heap of lane ends): as few lanes as first-fit, in O(n log lanes) instead of O(n·lanes).
    const heap: [number, number][] = []; // [end, lane]
    let lanes = 0;
    const firstFit = sorted.length <= 2000;
    const ends: number[] = [];
    for (const it of sorted) {
      const s = it.span;
      const fin = [s.start.earliest, s.start.latest, s.end.earliest, s.end.latest].filter(Number.isFinite);
      const lo = fin.length ? Math.min(...fin) : d0;
      const hi = fin.length ? Math.max(...fin) : d0;
      // Open ends are drawn as a 60px fade beyond the last known moment.
      const x0 = s.start.earliest === -Infinity ? x(lo) - 60 : x(s.start.earliest);
      const x1 = Math.max(s.end.latest === Infinity ? x(hi) + 60 : x(s.end.latest), x0 + 6);
      if (x1 < -400 || x0 > width + 400) continue;
      const full = `${s.fuzzy ? '~ ' : ''}${it.label}`;
      const text = full.length > LABEL_MAX ? `${full.slice(0, LABEL_MAX - 1)}…` : full;
      const labelEnd = compact ? x1 : Math.max(x1, Math.max(x0, 0) + 8 + text.length * LABEL_CHAR);
      let lane: number;
      if (firstFit) {
        // Small sets: the topmost free lane, so the drawing fills from the top.
        lane = ends.findIndex((end) => end + 6 < x0);
        if (lane < 0) { lane = ends.length; ends.push(labelEnd); lanes++; } else ends[lane] = labelEnd;
      } else if (heap.length && heap[0]![0] + 6 < x0) { lane = heap[0]![1]; heapReplace(heap, [labelEnd, lane]); }
      else { lane = lanes++; heapPush(heap, [labelEnd, lane]); }
      out.push({ item: it, text, lane, x0, x1 });
    }
    return { out, lanes };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sorted, x, width, compact]);

  const rowH = compact ? 16 : ROW;
  const bodyHeight = Math.max(placed.lanes * rowH + 8, compact ? 40 : 80);
  const viewH = Math.min(height, bodyHeight);
  const firstRow = Math.max(0, Math.floor(scrollTop / rowH) - 4);
  const lastRow = Math.ceil((scrollTop + viewH) / rowH) + 4;
  const visible = placed.out.filter((p) => p.lane >= firstRow && p.lane <= lastRow);

  useEffect(() => {
    if (root.current && domain && width > 0) markRendered(root.current, compact ? 'mini-timeline' : 'timeline');
  }, [domain !== undefined, width > 0]);

  const zoom = (factor: number, centerPx = width / 2) => {
    setDomain(([a, b] = [0, 1]) => {
      const t = a + ((b - a) * centerPx) / width;
      let span = (b - a) * factor;
      span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span));
      const left = t - ((t - a) / (b - a)) * span;
      return [left, left + span];
    });
  };
  const pan = (fraction: number) => setDomain(([a, b] = [0, 1]) => [a + (b - a) * fraction, b + (b - a) * fraction]);

  // Wheel zoom with ctrl/meta (and pinch); plain wheel scrolls the rows.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const r = el.getBoundingClientRect();
        zoom(Math.exp(e.deltaY * 0.002), e.clientX - r.left);
      } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        pan(e.deltaX / width);
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  const drag = useRef<{ x: number; domain: [number, number]; moved: boolean } | null>(null);
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || !domain) return;
    drag.current = { x: e.clientX, domain, moved: false };
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    if (Math.abs(dx) > 3) d.moved = true;
    if (!d.moved) return;
    const ms = ((d.domain[1] - d.domain[0]) * dx) / width;
    setDomain([d.domain[0] - ms, d.domain[1] - ms]);
  };
  const onPointerUp = () => {
    setTimeout(() => { drag.current = null; }, 0);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement) return;
    if (e.key === '+' || e.key === '=') { zoom(0.5); e.preventDefault(); }
    else if (e.key === '-' || e.key === '_') { zoom(2); e.preventDefault(); }
    else if (e.key === 'ArrowLeft' && e.shiftKey) { pan(-0.2); e.preventDefault(); }
    else if (e.key === 'ArrowRight' && e.shiftKey) { pan(0.2); e.preventDefault(); }
  };

  if (!domain) {
    return <div class="timeline-chart empty" ref={root} data-rendered="true" aria-label={ariaLabel}><p class="empty">No dated claims to draw.</p></div>;
  }

  const ticks = x.ticks(Math.max(2, Math.floor(width / (compact ? 110 : 90))));
  const fmt = x.tickFormat();
  const palette = [...new Set(items.map((i) => i.color))];
  const patId = (color: string) => `${uid}-h${palette.indexOf(color)}`;
  const fadeR = (color: string) => `${uid}-fr${palette.indexOf(color)}`;
  const fadeL = (color: string) => `${uid}-fl${palette.indexOf(color)}`;

  return (
    <div class={`timeline-chart${compact ? ' compact' : ''}`} ref={root} role="group" aria-label={ariaLabel} tabIndex={0} onKeyDown={onKeyDown} data-items={items.length}>
      {!compact ? (
        <div class="tl-toolbar" role="toolbar" aria-label="Zoom and pan">
          <button type="button" onClick={() => zoom(0.5)} aria-label="Zoom in">+</button>
          <button type="button" onClick={() => zoom(2)} aria-label="Zoom out">−</button>
          <button type="button" onClick={() => pan(-0.25)} aria-label="Earlier">◀</button>
          <button type="button" onClick={() => pan(0.25)} aria-label="Later">▶</button>
          <button type="button" onClick={() => setDomain(full)}>Fit all</button>
          <span class="tl-span" aria-live="polite">showing {spanLabel(d1 - d0)}: {fmtDate(d0)} – {fmtDate(d1)}</span>
          <span class="tl-help">ctrl + wheel or +/− to zoom · drag to pan</span>
        </div>
      ) : null}
      <svg class="tl-axis" width={width} height={26} aria-hidden="true">
        <line x1={0} x2={width} y1={25.5} y2={25.5} class="tl-axis-line" />
        {ticks.map((t) => (
          <g key={+t} transform={`translate(${x(t)},0)`}>
            <line y1={18} y2={26} class="tl-tick" />
            <text y={14} class="tl-tick-label" text-anchor="middle">{fmt(t)}</text>
          </g>
        ))}
      </svg>
      <div class="tl-body" ref={scroller} style={{ height: `${viewH}px` }} onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}
        onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerLeave={onPointerUp}>
        <svg width={width} height={bodyHeight} class="tl-svg">
          <defs>
            {palette.map((c) => (
              <>
                <pattern key={`h${c}`} id={patId(c)} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill={c} fill-opacity="0.12" />
                  <line x1="0" y1="0" x2="0" y2="6" stroke={c} stroke-width="2.2" stroke-opacity="0.65" />
                </pattern>
                <linearGradient key={`r${c}`} id={fadeR(c)} x1="0" x2="1" y1="0" y2="0">
                  <stop offset="0" stop-color={c} stop-opacity="0.85" />
                  <stop offset="1" stop-color={c} stop-opacity="0" />
                </linearGradient>
                <linearGradient key={`l${c}`} id={fadeL(c)} x1="0" x2="1" y1="0" y2="0">
                  <stop offset="0" stop-color={c} stop-opacity="0" />
                  <stop offset="1" stop-color={c} stop-opacity="0.85" />
                </linearGradient>
              </>
            ))}
          </defs>
          {ticks.map((t) => <line key={+t} x1={x(t)} x2={x(t)} y1={0} y2={bodyHeight} class="tl-grid" />)}
          {visible.map((p) => (
            <ItemShape key={p.item.id} p={p} x={px} width={width} selected={p.item.id === selected} onSelect={onSelect} hatch={patId(p.item.color)} fadeR={fadeR(p.item.color)} fadeL={fadeL(p.item.color)} compact={compact} rowH={rowH} isDragging={() => Boolean(drag.current?.moved)} />
          ))}
        </svg>
      </div>
    </div>
  );
}

const less = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
function heapPush(h: [number, number][], v: [number, number]): void {
  h.push(v);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(h[i]!, h[p]!)) break;
    [h[i], h[p]] = [h[p]!, h[i]!];
    i = p;
  }
}
function heapReplace(h: [number, number][], v: [number, number]): void {
  h[0] = v;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && less(h[l]!, h[m]!)) m = l;
    if (r < h.length && less(h[r]!, h[m]!)) m = r;
    if (m === i) break;
    [h[i], h[m]] = [h[m]!, h[i]!];
    i = m;
  }
}

function fmtDate(t: number): string {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  return `${d.getUTCDate()} ${d.toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${y}`;
}

function ItemShape({ p, x, width, selected, onSelect, hatch, fadeR, fadeL, compact, rowH, isDragging }: {
  p: Placed; x: (t: number) => number; width: number; selected: boolean; onSelect?: (id: string) => void;
  hatch: string; fadeR: string; fadeL: string; compact: boolean; rowH: number; isDragging: () => boolean;
}) {
  const { item } = p;
  const s = item.span;
  const y = p.lane * rowH + 4;
  const h = 10;
  const clampX = (v: number) => Math.max(-20, Math.min(width + 20, v));
  const parts: preact.JSX.Element[] = [];
  const color = item.color;
  if (s.kind === 'instant') {
    const a = clampX(x(s.start.earliest));
    const b = clampX(x(s.end.latest));
    if (b - a < 5) {
      const cx = (a + b) / 2;
      parts.push(<path key="pt" d={`M${cx} ${y - 1} l${h / 2 + 1} ${h / 2 + 1} l${-(h / 2 + 1)} ${h / 2 + 1} l${-(h / 2 + 1)} ${-(h / 2 + 1)} z`} fill={color} class="tl-point" />);
    } else {
      parts.push(<rect key="band" x={a} y={y} width={b - a} height={h} fill={`url(#${hatch})`} stroke={color} stroke-opacity="0.5" rx={2} class="tl-band" />);
    }
  } else {
    const sE = s.start.earliest, sL = s.start.latest, eE = s.end.earliest, eL = s.end.latest;
    const openStart = sE === -Infinity;
    const openEnd = eL === Infinity;
    // Uncertain start.
    if (openStart) {
      const to = clampX(x(Number.isFinite(sL) ? sL : Number.isFinite(eE) ? eE : eL));
      parts.push(<rect key="os" x={Math.max(-20, to - 60)} y={y} width={Math.max(0, Math.min(60, to + 20))} height={h} fill={`url(#${fadeL})`} />);
    } else if (x(sL) - x(sE) > 1) {
      parts.push(<rect key="us" x={clampX(x(sE))} y={y} width={clampX(x(sL)) - clampX(x(sE))} height={h} fill={`url(#${hatch})`} />);
    }
    // Certain core.
    const coreA = Number.isFinite(sL) ? sL : sE;
    const coreB = Number.isFinite(eE) ? eE : eL;
    if (Number.isFinite(coreA) && Number.isFinite(coreB) && coreB > coreA) {
      parts.push(<rect key="core" x={clampX(x(coreA))} y={y} width={clampX(x(coreB)) - clampX(x(coreA))} height={h} fill={color} fill-opacity={item.dashed ? 0.35 : 0.85} stroke={item.dashed ? color : undefined} stroke-dasharray={item.dashed ? '4 3' : undefined} />);
    }
    if (openEnd) {
      const from = clampX(x(Number.isFinite(eE) ? eE : Number.isFinite(sL) ? sL : sE));
      parts.push(<rect key="oe" x={from} y={y} width={Math.max(0, Math.min(60, width + 20 - from))} height={h} fill={`url(#${fadeR})`} />);
    } else if (x(eL) - x(eE) > 1) {
      parts.push(<rect key="ue" x={clampX(x(eE))} y={y} width={clampX(x(eL)) - clampX(x(eE))} height={h} fill={`url(#${hatch})`} />);
    }
    if (!parts.length) {
      const cx = clampX(x(Number.isFinite(sE) ? sE : eL));
      parts.push(<path key="pt" d={`M${cx} ${y - 1} l${h / 2 + 1} ${h / 2 + 1} l${-(h / 2 + 1)} ${h / 2 + 1} l${-(h / 2 + 1)} ${-(h / 2 + 1)} z`} fill={color} />);
    }
  }
  const labelX = Math.max(Math.max(p.x0, 0) + 2, 2);
  const text = p.text;
  const activate = () => { if (!isDragging()) onSelect?.(item.id); };
  return (
    <g
      class={`tl-item${selected ? ' selected' : ''}${s.fuzzy ? ' fuzzy' : ''}`}
      data-claim={item.id}
      role="button"
      tabIndex={compact ? -1 : 0}
      aria-label={`${s.fuzzy ? "approximately: " : ""}${item.label}, ${item.title}`}
      aria-pressed={selected}
      onClick={activate}
      onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect?.(item.id); } }}
    >
      <title>{item.title}</title>
      {selected ? <rect x={p.x0 - 3} y={y - 3} width={Math.max(p.x1 - p.x0, 8) + 6} height={h + 6} class="tl-selected-ring" /> : null}
      {parts}
      {!compact ? (
        <text x={labelX} y={y + h + 12} class="tl-label">
          {text}
        </text>
      ) : null}
    </g>
  );
}
