// @vitest-environment happy-dom
/**
 * The embed script: it defines `<frontdesk-chat>` and adds one to the page, configured from its own script tag's
 * `data-*`, unless the page has one. Loading it twice is harmless.
 */
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import './harness.ts'

/** The entry's own URL, as its `import.meta.url` reads in these tests. */
const ENTRY = pathToFileURL(fileURLToPath(import.meta.url).replace(/tests\/widget\/frontdesk\.test\.ts$/, 'widget/frontdesk.ts')).href

/** A `<script>` tag for the entry, as a page would have it (an inert type, so happy-dom does not run it). */
function scriptTag(data: Record<string, string>, src = ENTRY): HTMLScriptElement {
  const script = document.createElement('script')
  script.type = 'text/x-inert'
  script.src = src
  for (const [name, value] of Object.entries(data)) script.setAttribute(`data-${name}`, value)
  return document.body.appendChild(script)
}

let loads = 0

/** Evaluates the entry module afresh, as a page loading the script does (the query makes a new module instance). */
async function load(): Promise<void> {
  await import(/* @vite-ignore */ `../../widget/frontdesk.ts?load=${++loads}`)
}

describe('the embed script', () => {
  it('adds one <frontdesk-chat> configured from its data-* attributes', async () => {
    scriptTag({ 'booking-url': 'https://clinic.example/book', phone: '+1 555 0100', 'emergency-number': '112', title: 'Ask us' })
    await load()
    const chats = document.querySelectorAll('frontdesk-chat')
    expect(chats).toHaveLength(1)
    const chat = chats[0]!
    expect([chat.bookingUrl, chat.phone, chat.emergencyNumber, chat.title]).toEqual(['https://clinic.example/book', '+1 555 0100', '112', 'Ask us'])
  })

  it('warns about an unknown data-* setting, naming it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    scriptTag({ 'booking-url': 'https://clinic.example/book', 'booking-link': 'https://clinic.example/book' })
    await load()
    expect(warn.mock.calls[0]![0]).toMatch(/^Frontdesk: unknown setting data-booking-link on the script tag/)
  })

  it('adds none when the page already has a <frontdesk-chat>', async () => {
    const own = document.body.appendChild(document.createElement('frontdesk-chat'))
    own.setAttribute('booking-url', 'https://clinic.example/own')
    scriptTag({ 'booking-url': 'https://clinic.example/other' })
    await load()
    expect(document.querySelectorAll('frontdesk-chat')).toHaveLength(1)
    expect(document.querySelector('frontdesk-chat')!.bookingUrl).toBe('https://clinic.example/own')
  })

  it('adds none when it was not loaded by a script tag (bundled into an app)', async () => {
    await load()
    expect(document.querySelectorAll('frontdesk-chat')).toHaveLength(0)
    expect(customElements.get('frontdesk-chat')).toBeDefined()
  })

  it('loaded twice: no error, still one element, the element defined once', async () => {
    const error = vi.spyOn(console, 'error')
    scriptTag({ 'booking-url': 'https://clinic.example/book' })
    await load()
    const defined = customElements.get('frontdesk-chat')
    scriptTag({ 'booking-url': 'https://clinic.example/book' })
    await load()
    expect(document.querySelectorAll('frontdesk-chat')).toHaveLength(1)
    expect(customElements.get('frontdesk-chat')).toBe(defined)
    expect(error).not.toHaveBeenCalled()
  })

  it('adds no global', async () => {
    const before = Object.keys(window)
    scriptTag({ 'booking-url': 'https://clinic.example/book' })
    await load()
    expect(Object.keys(window).filter((key) => !before.includes(key))).toEqual([])
  })
})
