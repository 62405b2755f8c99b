/**
 * Formats isnad reads and writes, by name. Each format module registers itself here, so the CLI
 * and the server list and dispatch formats without knowing them.
 */
import type { Dataset } from '../core/model.js';
import type { ExistingRecords } from '../core/validate-dataset.js';
import { subsetFor } from './common/subset.js';
import { writeCsv } from './csv/export.js';
import { writeFtm } from './ftm/export.js';
import { readFtm } from './ftm/import.js';
import { writeGexf } from './graph/gexf.js';
import { writeGraphml } from './graph/graphml.js';
import { readDataset } from './native/read-dataset.js';
import { writeDataset } from './native/write-dataset.js';
import { toRdfGraph } from './rdf/graph.js';
import { writeJsonLd } from './rdf/jsonld.js';
import { writeTurtle } from './rdf/turtle.js';
import { writeHtml } from './report/html.js';
import { writeMarkdown } from './report/markdown.js';
import { writeStix } from './stix/export.js';
import { readStix } from './stix/import.js';

export interface ImportContext {
  readonly file: string;
  readonly existing?: ExistingRecords;
  readonly sourceTexts?: ReadonlyMap<string, string>;
}

export interface ImportResult {
  readonly dataset: Dataset;
  /** What could not be mapped (best-effort formats). */
  readonly warnings: readonly string[];
}

export interface ExportContext {
  /** Restrict to an entity and what is connected to it, when given. */
  readonly focus?: string;
  /** Start text files with a UTF-8 byte order mark (CSV, for spreadsheets that need one). */
  readonly bom?: boolean;
}

export interface Exporter {
  readonly description: string;
  /** A text document, or a set of named files (CSV folder). */
  write(ds: Dataset, ctx: ExportContext): string | Promise<string> | Record<string, string> | Promise<Record<string, string>>;
}

export interface Importer {
  readonly description: string;
  read(text: string, ctx: ImportContext): ImportResult | Promise<ImportResult>;
}

export const EXPORTERS = new Map<string, Exporter>([
  ['json', { description: 'native JSON (lossless)', write: (ds, ctx) => writeDataset(subsetFor(ds, ctx.focus), 'json') }],
  ['yaml', { description: 'native YAML (lossless)', write: (ds, ctx) => writeDataset(subsetFor(ds, ctx.focus), 'yaml') }],
  ['stix', { description: 'STIX 2.1 bundle (JSON), lossless through the isnad extension', write: (ds, ctx) => writeStix(ds, ctx.focus) }],
  ['ftm', { description: 'FollowTheMoney entities, one JSON object per line', write: (ds, ctx) => writeFtm(ds, ctx.focus) }],
  ['jsonld', { description: 'RDF as JSON-LD (schema.org, PROV-O, a statement node per claim)', write: (ds, ctx) => writeJsonLd(toRdfGraph(ds, ctx.focus)) }],
  ['turtle', { description: 'RDF as Turtle (same graph as jsonld)', write: (ds, ctx) => writeTurtle(toRdfGraph(ds, ctx.focus)) }],
  ['gexf', { description: 'GEXF 1.3 dynamic graph for Gephi (edges with start/end for the timeline)', write: (ds, ctx) => writeGexf(ds, ctx.focus) }],
  ['graphml', { description: 'GraphML graph (yEd, Cytoscape, networkx …)', write: (ds, ctx) => writeGraphml(ds, ctx.focus) }],
  ['markdown', { description: 'timeline report in Markdown: chronology with footnoted quotes, disputes side by side (--entity for one organization and its lineage)', write: (ds, ctx) => writeMarkdown(ds, ctx.focus) }],
  ['html', { description: 'the timeline report as one self-contained HTML page (inline CSS, no scripts)', write: (ds, ctx) => writeHtml(ds, ctx.focus) }],
  ['csv', { description: 'a folder of CSV files (entities, names, sources, claims, evidence, disputes); --bom for spreadsheets that need it', write: (ds, ctx) => writeCsv(ds, ctx) }],
]);

export const IMPORTERS = new Map<string, Importer>([
  ['json', { description: 'native JSON', read: (text, ctx) => ({ dataset: readDataset(text, ctx), warnings: [] }) }],
  ['yaml', { description: 'native YAML', read: (text, ctx) => ({ dataset: readDataset(text, ctx), warnings: [] }) }],
  ['stix', { description: 'STIX 2.1 bundle (isnad bundles exactly, others best effort)', read: readStix }],
  ['ftm', { description: 'FollowTheMoney JSON lines (best effort; claims come in as candidates)', read: readFtm }],
]);

/** Guesses a format from a file name. */
export function formatFromPath(path: string): string | undefined {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  const ext = m?.[1]?.toLowerCase();
  if (ext === 'yml') return 'yaml';
  if (ext === 'jsonl' || ext === 'ftm') return 'ftm';
  return ext;
}
