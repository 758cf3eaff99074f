// No /i flags: JSON Schema patterns have none, and consentry.schema.json repeats these.

/** A mode of asking: `opt-in`, `opt-out` or `notice`. Shared by the validator and the script tag's early read of a config. */
export const MODE = /^(opt-in|opt-out|notice)$/

/** A cookie name as RFC 6265 allows it (a token). Shared by the validator and the audit's drafted configs. */
export const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]+$/
