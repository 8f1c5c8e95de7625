/**
 * Property tests (fast-check) keep their run counts, so how long they take depends on the machine: a thousand runs
 * that take 5 s on an idle machine took 40 s on a busy one. Their timeout only catches a hang, never slowness.
 * Speed is measured by `npm run bench`.
 */
export const PROPERTY_TIMEOUT = 300_000
