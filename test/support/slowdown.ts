// The one place that scales the tests' limits for a slow or busy machine. Every wait in the tests
// is for a condition; its limit, and the window in which something that must not happen would
// have happened, are multiplied by this factor. CI raises it (`.ci/run`); set it by hand on a
// machine that is slower still: CONSENTRY_TEST_SLOWDOWN=4 npm test.
const factor = Number(process.env.CONSENTRY_TEST_SLOWDOWN)

/** How much slower than a quiet developer machine this one may be. */
export const SLOWDOWN = Number.isFinite(factor) && factor >= 1 ? factor : 1

/** A limit or a window of `ms` on a quiet machine, scaled for this one. */
export const scaled = (ms: number) => ms * SLOWDOWN

/** The limits of vitest's own waits, scaled. */
export const LIMITS = {
  /** A test. */
  test: 15_000 * SLOWDOWN,
  /** A hook: the ones that start a server or a browser need the most. */
  hook: 60_000 * SLOWDOWN,
  /** `expect.poll` and `expect.element`. */
  poll: 5_000 * SLOWDOWN,
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** {@link SLOWDOWN}, for the tests that run in the browser. */
    slowdown: number
  }
}
