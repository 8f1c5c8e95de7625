/**
 * The settings of `<frontdesk-chat>`: their names, defaults, and how a raw value (a `data-*` value on the script
 * tag, an attribute, or a property) becomes a checked one. Integrator mistakes are reported loudly on the console,
 * prefixed `Frontdesk:` and quoting the bad value, and the setting falls back to its default.
 * Part of the launcher bundle, so it stays small and dependency-free.
 */

/** Every setting: property name → attribute name (also `data-NAME` on the script tag). */
export const SETTING_ATTRIBUTES = {
  kb: 'kb',
  bookingUrl: 'booking-url',
  bookingLabel: 'booking-label',
  phone: 'phone',
  emergencyNumber: 'emergency-number',
  title: 'title',
  greeting: 'greeting',
  suggestions: 'suggestions',
  accent: 'accent',
  position: 'position',
  threshold: 'threshold',
  persist: 'persist',
} as const

/** A setting's property name. (`open` is an attribute only: as a property, `open` is the method.) */
export type SettingName = keyof typeof SETTING_ATTRIBUTES

/** The checked settings the launcher and the panel work from. */
export interface Settings {
  /** The absolute URL of `kb.json`. */
  kb: string
  /** The absolute booking URL (http or https), or null when missing or unsafe. */
  bookingUrl: string | null
  bookingLabel: string
  /** The phone number as the clinic writes it, or null. */
  phone: string | null
  emergencyNumber: string
  title: string
  greeting: string
  /** Starter questions; empty means the knowledge base's first questions. */
  suggestions: string[]
  /** A valid CSS colour, or null for the theme's default. */
  accent: string | null
  position: 'right' | 'left'
  /** The engine's answer threshold, 0..1, or undefined for the engine's default. */
  threshold: number | undefined
  persist: 'session' | null
}

/** The settings a widget starts with. */
export function defaultSettings(): Settings {
  return {
    kb: new URL('kb.json', import.meta.url).href,
    bookingUrl: null,
    bookingLabel: 'Book an appointment',
    phone: null,
    emergencyNumber: '911',
    title: 'Questions about trigger point injections',
    greeting: 'Hi! I can answer common questions about trigger point injections. Type a question, or pick one below.',
    suggestions: [],
    accent: null,
    position: 'right',
    threshold: undefined,
    persist: null,
  }
}

const warn = (message: string): void => console.warn(`Frontdesk: ${message}`)
const text = (raw: unknown): string => (raw == null || raw === false ? '' : String(raw)).trim()

/** An absolute URL for `value` if it parses (relative to the page) and uses one of `schemes`. */
function url(value: string, schemes: readonly string[]): string | null {
  try {
    const parsed = new URL(value, document.baseURI)
    return schemes.includes(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

/** True for a single CSS colour. `CSS.supports` is the judge; the character check keeps CSS text out either way. */
export function isColor(value: string): boolean {
  if (/[;{}<>\\]/.test(value)) return false
  return typeof CSS !== 'undefined' && typeof CSS.supports === 'function' ? CSS.supports('color', value) : /^#[\da-f]{3,8}$/i.test(value)
}

/** How each setting reads a raw value; `undefined` means "use the default" (already warned about when bad). */
const PARSERS: { [K in SettingName]: (value: string, raw: unknown) => Settings[K] | undefined } = {
  kb: (value) => {
    const href = url(value, ['https:', 'http:', 'file:'])
    if (!href) warn(`kb ${JSON.stringify(value)} is not a URL; using kb.json beside the script.`)
    return href ?? undefined
  },
  bookingUrl: (value) => {
    const href = url(value, ['https:', 'http:'])
    if (!href) console.error(`Frontdesk: booking-url ${JSON.stringify(value)} is not an http(s) link, so there is no booking button.`)
    return href
  },
  bookingLabel: (value) => value,
  phone: (value) => {
    if (/\d/.test(value)) return value
    warn(`phone ${JSON.stringify(value)} has no digits, so there is no phone link.`)
    return null
  },
  emergencyNumber: (value) => {
    if (/^\+?[\d\s()-]*\d[\d\s()-]*$/.test(value)) return value.replace(/[^\d+]/g, '')
    warn(`emergency-number ${JSON.stringify(value)} is not a phone number; using 911.`)
    return undefined
  },
  title: (value) => value,
  greeting: (value) => value,
  suggestions: (value, raw) =>
    (Array.isArray(raw) ? raw.map(text) : value.split('|').map((s) => s.trim())).filter(Boolean),
  accent: (value) => {
    if (isColor(value)) return value
    warn(`accent ${JSON.stringify(value)} is not a CSS colour; using the default.`)
    return undefined
  },
  position: (value) => {
    if (value === 'left' || value === 'right') return value
    warn(`position ${JSON.stringify(value)} must be "right" or "left"; using "right".`)
    return undefined
  },
  threshold: (value) => {
    const number = Number(value)
    if (Number.isFinite(number) && number >= 0 && number <= 1) return number
    warn(`threshold ${JSON.stringify(value)} must be a number from 0 to 1; using the default.`)
    return undefined
  },
  persist: (value) => {
    if (value === 'session') return 'session'
    if (!/^(none|off|false)$/.test(value)) warn(`persist ${JSON.stringify(value)} must be "session"; nothing is stored.`)
    return null
  },
}

/** Reads one setting from a raw value; absent or empty values give the default silently. */
export function parseSetting<K extends SettingName>(name: K, raw: unknown): Settings[K] {
  const value = text(raw)
  const parsed = value === '' && !Array.isArray(raw) ? undefined : PARSERS[name](value, raw)
  return parsed === undefined ? defaultSettings()[name] : parsed
}
