/**
 * GraphML 1.1 (structure plus the attributes extension): typed keys for node and edge data,
 * edges from subject to object with their EDTF time and ISO day bounds as data.
 */
import type { Dataset } from '../../core/model.js';
import { attrs, xmlEscape } from './xml.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, toNetwork } from './network.js';

export const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';

export function writeGraphml(ds: Dataset, focus?: string): string {
  const net = toNetwork(ds, focus);
  const out: string[] = [];
  const data = (indent: string, key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') out.push(`${indent}<data key="${key}">${xmlEscape(String(value))}</data>`);
  };
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<graphml xmlns="${GRAPHML_NAMESPACE}">`);
  out.push(`  <desc>${xmlEscape(`isnad: entities and the claims linking them${focus ? ` (around ${focus})` : ''}`)}</desc>`);
  out.push(`  <key${attrs({ id: 'n_label', for: 'node', 'attr.name': 'label', 'attr.type': 'string' })}/>`);
  for (const a of NODE_ATTRIBUTES) out.push(`  <key${attrs({ id: `n_${a}`, for: 'node', 'attr.name': a, 'attr.type': 'string' })}/>`);
  out.push(`  <key${attrs({ id: 'e_label', for: 'edge', 'attr.name': 'label', 'attr.type': 'string' })}/>`);
  for (const a of EDGE_ATTRIBUTES) out.push(`  <key${attrs({ id: `e_${a}`, for: 'edge', 'attr.name': a, 'attr.type': 'string' })}/>`);
  out.push(`  <key${attrs({ id: 'e_start', for: 'edge', 'attr.name': 'start', 'attr.type': 'string' })}/>`);
  out.push(`  <key${attrs({ id: 'e_end', for: 'edge', 'attr.name': 'end', 'attr.type': 'string' })}/>`);
  out.push(`  <key${attrs({ id: 'e_weight', for: 'edge', 'attr.name': 'weight', 'attr.type': 'double' })}/>`);
  out.push('  <graph id="isnad" edgedefault="directed">');
  for (const n of net.nodes) {
    out.push(`    <node${attrs({ id: n.id })}>`);
    data('      ', 'n_label', n.label);
    for (const a of NODE_ATTRIBUTES) data('      ', `n_${a}`, n.attributes[a]);
    out.push('    </node>');
  }
  for (const e of net.edges) {
    out.push(`    <edge${attrs({ id: e.id, source: e.source, target: e.target })}>`);
    data('      ', 'e_label', e.label);
    for (const a of EDGE_ATTRIBUTES) data('      ', `e_${a}`, e.attributes[a]);
    data('      ', 'e_start', e.start);
    data('      ', 'e_end', e.end);
    data('      ', 'e_weight', e.weight);
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return out.join('\n') + '\n';
}
