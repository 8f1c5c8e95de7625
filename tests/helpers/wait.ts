/**
 * How long `vi.waitFor` may wait for a condition. Vitest's default (1 s) is a timing assertion in disguise: on a
 * busy machine loading the chat's module alone can take longer. This only stops a test that would never pass.
 */
export const WAIT = { timeout: 30_000, interval: 20 } as const
