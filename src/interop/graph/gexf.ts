/**
 * GEXF 1.3 for Gephi: a dynamic graph (timeformat date) whose edges carry `start`/`end`, so
 * Gephi's timeline shows each relation over the days it may have held. Attribute values are
 * static; the EDTF value and its wording ride along as edge attributes.
 */
import type { Dataset } from '../../core/model.js';
import { attrs, xmlEscape } from './xml.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, toNetwork } from './network.js';

export const GEXF_NAMESPACE = 'http://www.gexf.net/1.3';

export function writeGexf(ds: Dataset, focus?: string): string {
  const net = toNetwork(ds, focus);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<gexf xmlns="${GEXF_NAMESPACE}" version="1.3">`);
  out.push('  <meta>');
  out.push('    <creator>isnad</creator>');
  out.push(`    <description>${xmlEscape(`Entities and the claims linking them${focus ? ` (around ${focus})` : ''}; edge start/end are the earliest start and latest end each claim's date allows.`)}</description>`);
  out.push('  </meta>');
  out.push('  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">');
  out.push('    <attributes class="node">');
  for (const a of NODE_ATTRIBUTES) out.push(`      <attribute${attrs({ id: a, title: a, type: 'string' })}/>`);
  out.push('    </attributes>');
  out.push('    <attributes class="edge">');
  for (const a of EDGE_ATTRIBUTES) out.push(`      <attribute${attrs({ id: a, title: a, type: 'string' })}/>`);
  out.push('    </attributes>');
  out.push(`    <nodes count="${net.nodes.length}">`);
  for (const n of net.nodes) {
    out.push(`      <node${attrs({ id: n.id, label: n.label })}>`);
    out.push('        <attvalues>');
    for (const a of NODE_ATTRIBUTES) if (n.attributes[a]) out.push(`          <attvalue${attrs({ for: a, value: n.attributes[a] })}/>`);
    out.push('        </attvalues>');
    out.push('      </node>');
  }
  out.push('    </nodes>');
  out.push(`    <edges count="${net.edges.length}">`);
  for (const e of net.edges) {
    out.push(`      <edge${attrs({ id: e.id, source: e.source, target: e.target, label: e.label, kind: e.attributes.predicate, weight: e.weight, start: e.start, end: e.end })}>`);
    out.push('        <attvalues>');
    for (const a of EDGE_ATTRIBUTES) if (e.attributes[a]) out.push(`          <attvalue${attrs({ for: a, value: e.attributes[a] })}/>`);
    out.push('        </attvalues>');
    out.push('      </edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return out.join('\n') + '\n';
}
