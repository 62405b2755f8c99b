// Minimal typing for the `edtf` package (it ships none); only what src/extract uses.
declare module 'edtf' {
  /** Parses an EDTF string; throws on invalid input. */
  export function parse(input: string, options?: Record<string, unknown>): { type: string; level?: number };
}
