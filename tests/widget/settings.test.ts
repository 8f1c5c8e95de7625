// @vitest-environment happy-dom
/** `parseSetting`: raw values (attributes, data-*, properties) become checked settings; mistakes are loud. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SETTING_NAMES, defaultSettings, isColor, parseSetting } from '../../widget/settings.ts'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('parseSetting', () => {
  it('gives the default, silently, for an absent or empty value', () => {
    const warn = vi.spyOn(console, 'warn')
    for (const name of SETTING_NAMES) {
      expect(parseSetting(name, null)).toEqual(defaultSettings()[name])
      expect(parseSetting(name, '  ')).toEqual(defaultSettings()[name])
    }
    expect(warn).not.toHaveBeenCalled()
  })

  it('resolves URLs against the page and keeps only http(s) booking links', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(parseSetting('bookingUrl', '/book')).toBe(new URL('/book', document.baseURI).href)
    expect(parseSetting('bookingUrl', 'javascript:alert(1)')).toBeNull()
    expect(parseSetting('bookingUrl', 'data:text/html,x')).toBeNull()
    expect(console.error).toHaveBeenCalledTimes(2)
    expect(parseSetting('kb', 'https://cdn.example/kb.json')).toBe('https://cdn.example/kb.json')
  })

  it('reads numbers, lists and choices from text or from properties', () => {
    expect(parseSetting('threshold', '0.6')).toBe(0.6)
    expect(parseSetting('threshold', 0.3)).toBe(0.3)
    expect(parseSetting('suggestions', 'Does it hurt? | | Is it safe?')).toEqual(['Does it hurt?', 'Is it safe?'])
    expect(parseSetting('suggestions', ['Does it hurt?', ''])).toEqual(['Does it hurt?'])
    expect(parseSetting('position', 'left')).toBe('left')
    expect(parseSetting('persist', 'session')).toBe('session')
    expect(parseSetting('persist', 'off')).toBeNull()
    expect(parseSetting('emergencyNumber', '1-1-2')).toBe('112')
    expect(parseSetting('phone', '+1 (555) 0100')).toBe('+1 (555) 0100')
  })

  it('warns about a bad value, quoting it, and uses the default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(parseSetting('threshold', '1.5')).toBeUndefined()
    expect(parseSetting('position', 'top')).toBe('right')
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      'Frontdesk: threshold "1.5" must be a number from 0 to 1; using the default.',
      'Frontdesk: position "top" must be "right" or "left"; using the default.',
    ])
  })
})

describe('isColor', () => {
  it('asks CSS.supports, and refuses anything that could end a CSS rule even if it says yes', () => {
    vi.stubGlobal('CSS', { supports: () => true })
    expect(isColor('#1a5fb4')).toBe(true)
    expect(isColor('red;} body{display:none')).toBe(false)
    expect(isColor('red</style>')).toBe(false)
  })

  it('without CSS.supports, accepts hex colours only', () => {
    vi.stubGlobal('CSS', undefined)
    expect(isColor('#abc')).toBe(true)
    expect(isColor('rebeccapurple')).toBe(false)
  })
})
