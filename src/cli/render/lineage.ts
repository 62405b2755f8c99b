/** Lineage as a text tree, Graphviz DOT, or Mermaid. */
import type { presentLineage } from '../../app/present.js';

type L = ReturnType<typeof presentLineage>;
const LABEL: Record<string, string> = { renamed_to: 'renamed', merged_into: 'merged into', declared: 'declared', founded: 'founded', split_from: 'split off', branch_of: 'branch', expelled: 'expelled' };

export function lineageTree(l: L): string {
  const family = l.edges.filter((e) => e.family);
  const out: string[] = [`Lineage of ${l.focus.name}`];
  const printed = new Set<string>();
  const walk = (id: string, name: string, prefix: string, via: string) => {
    const again = printed.has(id);
    out.push(`${prefix}${via}${name}${id === l.focus.id ? '  ◀' : ''}${again ? '  (see above)' : ''}`);
    if (again) return;
    printed.add(id);
    const kids = family.filter((e) => e.from.id === id);
    const childPrefix = prefix.replace(/[├└]── $/, (m) => (m.startsWith('├') ? '│   ' : '    '));
    kids.forEach((e, i) => {
      const branch = i === kids.length - 1 ? '└── ' : '├── ';
      walk(e.to.id, e.to.name, childPrefix + branch, `${LABEL[e.predicate] ?? e.predicate} ${e.timeText}${e.disputed ? ' [disputed]' : ''} → `);
    });
  };
  for (const r of l.roots) walk(r.id, r.name, '', '');
  const other = l.edges.filter((e) => !e.family);
  if (other.length) {
    out.push('', 'Allegiance and expulsions:');
    for (const e of other) {
      out.push(`  ${e.predicate === 'branch_of' ? `${e.to.name} branch of ${e.from.name}` : `${e.from.name} expelled ${e.to.name}`}${e.disputed ? ' [disputed]' : ''}`);
      const accounts = new Map<string, string>();
      for (const c of e.claims) accounts.set(`${c.stance}|${c.timeText}|${c.claimant?.name}`, `${c.stance === 'denies' ? 'denied' : c.timeText} per ${c.claimant?.name ?? '?'}`);
      out.push(`      ${[...accounts.values()].join('; ')}`);
    }
  }
  return out.join('\n');
}

const q = (s: string) => `"${s.replace(/"/g, '\\"')}"`;

export function lineageDot(l: L): string {
  const lines = ['digraph lineage {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  for (const n of l.nodes) lines.push(`  ${q(n.id)} [label=${q(n.name)}${n.id === l.focus.id ? ', penwidth=2' : ''}];`);
  for (const e of l.edges) lines.push(`  ${q(e.from.id)} -> ${q(e.to.id)} [label=${q(`${LABEL[e.predicate] ?? e.predicate} ${e.timeText}`)}${e.family ? '' : ', style=dashed'}${e.disputed ? ', color=red' : ''}];`);
  lines.push('}');
  return lines.join('\n');
}

export function lineageMermaid(l: L): string {
  const id = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');
  const lines = ['flowchart LR'];
  for (const n of l.nodes) lines.push(`  ${id(n.id)}["${n.name.replace(/"/g, "'")}"]`);
  for (const e of l.edges) lines.push(`  ${id(e.from.id)} ${e.family ? '-->' : '-.->'}|"${LABEL[e.predicate] ?? e.predicate} ${e.timeText}${e.disputed ? ' (disputed)' : ''}"| ${id(e.to.id)}`);
  return lines.join('\n');
}
