/** Record ids for imported records that have none of isnad's: lower-case slugs, unique per import. */

/** `Abu Musab al-Zarqawi` → `abu-musab-al-zarqawi`; empty for text without Latin letters or digits. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export interface IdFactory {
  (base: string): string;
  /** Marks an id as taken (records that bring their own). */
  reserve(id: string): void;
}

/** Mints unique ids from names: `name`, `name-2`, … (`record`, `record-2`, … for names without a slug). */
export function makeIdFactory(): IdFactory {
  const taken = new Set<string>();
  const make = ((base: string) => {
    const root = slugify(base) || 'record';
    let id = root;
    for (let n = 2; taken.has(id); n++) id = `${root}-${n}`;
    taken.add(id);
    return id;
  }) as IdFactory;
  make.reserve = (id: string) => { taken.add(id); };
  return make;
}
