import type { DatabaseEntry } from '../src/audit/database'

/** The entries of the Open Cookie Database's CSV, as consentry audit reads them. */
export declare const convert: (csv: string) => DatabaseEntry[]
