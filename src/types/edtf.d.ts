// The `edtf` package ships JavaScript without type declarations; this declares the part isnad uses.
declare module 'edtf' {
  export interface EdtfValue {
    readonly type: 'Date' | 'Year' | 'Decade' | 'Century' | 'Season' | 'Interval' | 'Set' | 'List';
    readonly min: number;
    readonly max: number;
    readonly precision?: number;
    readonly approximate?: { value: number } | boolean;
    readonly uncertain?: { value: number } | boolean;
    readonly unspecified?: { value: number } | boolean;
    readonly edtf: string;
  }
  export default function edtf(input: string, options?: { level?: number; types?: string[] }): EdtfValue;
  export function parse(input: string, options?: { level?: number; types?: string[] }): { type: string; level: number; values: unknown[] };
}
