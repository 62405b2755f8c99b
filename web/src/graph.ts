/** Cytoscape with the dagre layout, registered once. */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';

let registered = false;
export function cy(): typeof cytoscape {
  if (!registered) {
    cytoscape.use(dagre);
    registered = true;
  }
  return cytoscape;
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
