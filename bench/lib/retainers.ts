// Why is it still alive? Takes a V8 heap snapshot through CDP and prints the shortest strong path from
// the GC roots to instances of a class (e.g. a removed element): the likely cause of a leak, precisely.
import type { CDPSession } from 'playwright-core';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export async function takeSnapshot(cdp: CDPSession): Promise<Snapshot> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return JSON.parse(chunks.join('')) as Snapshot;
}

/**
 * How many heap nodes named one of `names` the snapshot holds (JS objects by constructor name, DOM
 * nodes as Blink names them, e.g. `<mono-account>`), and the shortest retaining path of one.
 */
export function retainers(snap: Snapshot, names: string[], maxPaths = 1): Record<string, { count: number; paths: string[] }> {
  const { meta } = snap.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const nType = meta.node_fields.indexOf('type');
  const nName = meta.node_fields.indexOf('name');
  const nEdges = meta.node_fields.indexOf('edge_count');
  const eType = meta.edge_fields.indexOf('type');
  const eName = meta.edge_fields.indexOf('name_or_index');
  const eTo = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const count = snap.nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += snap.nodes[i * nf + nEdges] * ef;
    firstEdge[i + 1] = e;
  }
  const parent = new Int32Array(count).fill(-1);
  const parentEdge = new Int32Array(count).fill(-1);
  const seen = new Uint8Array(count);
  const queue = new Int32Array(count);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  seen[0] = 1;
  while (head < tail) {
    const n = queue[head++];
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += ef) {
      const type = edgeTypes[snap.edges[e + eType]];
      if (type === 'weak' || type === 'shortcut') continue;
      const to = snap.edges[e + eTo] / nf;
      if (seen[to]) continue;
      seen[to] = 1;
      parent[to] = n;
      parentEdge[to] = e;
      queue[tail++] = to;
    }
  }
  const nameOf = (n: number) => {
    const type = nodeTypes[snap.nodes[n * nf + nType]];
    const name = snap.strings[snap.nodes[n * nf + nName]];
    return type === 'object' || type === 'closure' ? name : `(${type}) ${name.slice(0, 40)}`;
  };
  const edgeLabel = (e: number) => {
    const type = edgeTypes[snap.edges[e + eType]];
    const raw = snap.edges[e + eName];
    return type === 'element' || type === 'hidden' ? `[${raw}]` : snap.strings[raw];
  };
  const out: Record<string, { count: number; paths: string[] }> = {};
  for (const cls of names) out[cls] = { count: 0, paths: [] };
  for (let n = 0; n < count; n++) {
    const type = nodeTypes[snap.nodes[n * nf + nType]];
    if (type !== 'object' && type !== 'native') continue;
    const hit = out[snap.strings[snap.nodes[n * nf + nName]]];
    if (!hit || !seen[n]) continue;
    hit.count++;
    if (hit.paths.length >= maxPaths) continue;
    const steps: string[] = [];
    for (let cur = n; parent[cur] >= 0 && steps.length < 40; cur = parent[cur]) steps.push(`${nameOf(parent[cur])}.${edgeLabel(parentEdge[cur])}`);
    hit.paths.push(steps.reverse().join(' → ') + ` → ${nameOf(n)}`);
  }
  return out;
}
