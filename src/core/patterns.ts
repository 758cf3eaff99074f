/**
 * A mode of asking: `opt-in`, `opt-out` or `notice`. Shared by the validator and the script tag's
 * early read of a config; no /i flag, as consentry.schema.json repeats it.
 */
export const MODE = /^(opt-in|opt-out|notice)$/
