/** One FollowTheMoney entity being written: properties are checked against the model as they are set. */
import type { FtmModel } from './model.js';

export interface FtmEntityDatum {
  readonly id: string;
  readonly schema: string;
  readonly properties: Record<string, string[]>;
}

export class FtmEntityBuilder {
  private readonly props = new Map<string, string[]>();
  constructor(private readonly model: FtmModel, readonly id: string, readonly schema: string) {
    if (model.schema(schema).abstract) throw new Error(`FollowTheMoney schema ${schema} is abstract`);
  }

  /** Adds values to a property; throws when the schema (or its parents) has no such property. */
  add(prop: string, ...values: Array<string | undefined>): this {
    if (!this.model.property(this.schema, prop)) throw new Error(`FollowTheMoney schema ${this.schema} has no property "${prop}"`);
    const list = this.props.get(prop) ?? [];
    for (const v of values) if (v !== undefined && v.trim() !== '' && !list.includes(v)) list.push(v);
    if (list.length) this.props.set(prop, list);
    return this;
  }

  /** Adds values when the schema has the property; for optional extras that only some schemata carry. */
  addIfPresent(prop: string, ...values: Array<string | undefined>): this {
    return this.model.property(this.schema, prop) ? this.add(prop, ...values) : this;
  }

  toJSON(): FtmEntityDatum {
    const properties: Record<string, string[]> = {};
    for (const k of [...this.props.keys()].sort()) properties[k] = this.props.get(k)!;
    return { id: this.id, schema: this.schema, properties };
  }
}
