/** Small collection helpers the standard library of Node 20 lacks. */

/** Orders records by id in code-point order (the order the stores and the native writer use). */
export function byId<T extends { readonly id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Groups items by a key (Map.groupBy arrives only in Node 21). */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Records ordered by the first position of their id in `ids` (the order a store's reads by id answer in). */
export function inOrderAsked<T extends { id: string }>(records: T[], ids: readonly string[]): T[] {
  const order = new Map<string, number>();
  ids.forEach((id, i) => order.has(id) || order.set(id, i));
  return records.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
