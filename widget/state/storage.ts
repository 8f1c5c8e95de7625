/**
 * One JSON value in `sessionStorage`, used only when a clinic sets `persist="session"`. Storage can be blocked
 * (sandboxed frames, privacy modes), full, or hold garbage: every failure is a silent no-op, never an error.
 */

/** A namespaced slot in `sessionStorage`. */
export interface StorageSlot {
  /** The parsed value, or null when absent, unreadable or not JSON. */
  load(): unknown
  save(value: unknown): void
  clear(): void
}

/** The slot for `key`. Nothing touches storage until a method is called. */
export function sessionSlot(key: string): StorageSlot {
  return {
    load() {
      try {
        const text = sessionStorage.getItem(key)
        return text === null ? null : (JSON.parse(text) as unknown)
      } catch {
        return null
      }
    },
    save(value) {
      try {
        sessionStorage.setItem(key, JSON.stringify(value))
      } catch {
        // Quota or blocked storage: the conversation simply is not kept.
      }
    },
    clear() {
      try {
        sessionStorage.removeItem(key)
      } catch {
        // Blocked storage holds nothing to clear.
      }
    },
  }
}
