/**
 * The settings of `<frontdesk-chat>`: their names, defaults, and how a raw value (a `data-*` value on the script
 * tag, an attribute, or a property) becomes a checked one. Integrator mistakes are reported loudly on the console,
 * prefixed `Frontdesk:` and quoting the bad value, and the setting falls back to its default.
 * Part of the launcher bundle, so it stays small and dependency-free.
 */

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
  /** A literal CSS colour (`auto`: the page's `<meta name="theme-color">`), or null for the theme's default. */
  accent: string | null
  position: 'right' | 'left'
  /** The engine's answer threshold, 0..1, or undefined for the engine's default. */
  threshold: number | undefined
  persist: 'session' | null
  /**
   * When the chat's code and `kb.json` load: `intent` (the default) once the visitor hovers, focuses or touches the
   * launcher; `idle` once the page has loaded and is idle, without waiting for intent. Never before the visitor
   * opens the chat when their browser asks to save data.
   */
  preload: 'intent' | 'idle'
}

/** A setting's property name. (`open` is an attribute only: as a property, `open` is the method.) */
export type SettingName = keyof Settings

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
    preload: 'intent',
  }
}

const text = (raw: unknown): string => (raw == null || raw === false ? '' : String(raw)).trim()

/** Reports a bad value and returns undefined, which means "use the default". */
function bad(name: string, value: string, problem: string): undefined {
  console.warn(`Frontdesk: ${name} ${JSON.stringify(value)} ${problem}; using the default.`)
}

/** An absolute URL for `value` if it parses (relative to the page) and its scheme matches. */
function url(value: string, schemes: RegExp): string | null {
  try {
    const parsed = new URL(value, document.baseURI)
    return schemes.test(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

/**
 * A literal colour: a hex value, a name, or one colour function of plain numbers. No `var()`, `url()`, nesting, `;`,
 * braces or backslashes: `CSS.supports('color', …)` accepts anything holding a `var()`, so it cannot judge alone.
 */
const LITERAL_COLOR = /^(#[\da-f]{3,8}|[a-z]+|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([\w\s.,%/+-]*\))$/i

/** True for a single literal CSS colour that the browser understands (`CSS.supports` is the judge where it exists). */
export function isColor(value: string): boolean {
  if (!LITERAL_COLOR.test(value)) return false
  return typeof CSS !== 'undefined' && CSS.supports ? CSS.supports('color', value) : /^#[\da-f]{3,8}$/i.test(value)
}

/** The page's `<meta name="theme-color">` for the current colour scheme, if it has one. */
function themeColor(): string | undefined {
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color" i]')) {
    if (!meta.media || matchMedia(meta.media).matches) return meta.content.trim()
  }
  return undefined
}

const same = (value: string): string => value

/** How each setting reads a non-empty raw value; `undefined` means "use the default" (warned about already). */
const PARSERS: { [K in SettingName]: (value: string, raw: unknown) => Settings[K] | undefined } = {
  kb: (value) => url(value, /^(https?|file):$/) ?? bad('kb', value, 'is not a URL'),
  bookingUrl: (value) => {
    const href = url(value, /^https?:$/)
    if (!href) console.error(`Frontdesk: booking-url ${JSON.stringify(value)} is not an http(s) link, so there is no booking button.`)
    return href
  },
  bookingLabel: same,
  phone: (value) => (/\d/.test(value) ? value : bad('phone', value, 'has no digits')),
  emergencyNumber: (value) =>
    /^\+?[\d\s().-]+$/.test(value) && /\d/.test(value) ? value.replace(/[^\d+]/g, '') : bad('emergency-number', value, 'is not a phone number'),
  title: same,
  greeting: same,
  suggestions: (value, raw) => (Array.isArray(raw) ? raw.map(text) : value.split('|').map((s) => s.trim())).filter(Boolean),
  accent: (value) => {
    // `auto`: the page's theme colour, or quietly the default when it has none.
    const color = value === 'auto' ? themeColor() : value
    if (color === undefined) return null
    return isColor(color) ? color : bad('accent', color, 'is not a literal CSS colour')
  },
  position: (value) => (value === 'left' || value === 'right' ? value : bad('position', value, 'must be "right" or "left"')),
  threshold: (value) => {
    const number = Number(value)
    return number >= 0 && number <= 1 ? number : bad('threshold', value, 'must be a number from 0 to 1')
  },
  persist: (value) => (value === 'session' ? value : /^(none|off|false)$/.test(value) ? null : bad('persist', value, 'must be "session"')),
  preload: (value) => (value === 'intent' || value === 'idle' ? value : bad('preload', value, 'must be "intent" or "idle"')),
}

/** Every setting's property name. */
export const SETTING_NAMES = Object.keys(PARSERS) as SettingName[]

/** The attribute for a property name, also `data-NAME` on the script tag: `bookingUrl` → `booking-url`. */
export function attributeName(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

/** Reads one setting from a raw value; absent or empty values give the default silently. */
export function parseSetting<K extends SettingName>(name: K, raw: unknown): Settings[K] {
  const value = text(raw)
  const parsed = value === '' && !Array.isArray(raw) ? undefined : PARSERS[name](value, raw)
  return parsed === undefined ? defaultSettings()[name] : parsed
}
