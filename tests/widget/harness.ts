/**
 * Shared setup for the widget's component tests (happy-dom): a compiled knowledge base served by a stubbed
 * `fetch`, mounting `<frontdesk-chat>`, and finding parts through its shadow roots.
 */
import { afterEach, vi } from 'vitest'
import { compileKb } from '../../build/compiler/compile.ts'
import { serializeKb, type KbFile } from '../../widget/engine/index.ts'
import type { FrontdeskChat } from '../../widget/frontdesk-chat/frontdesk-chat.ts'
import type { FrontdeskPanel } from '../../widget/frontdesk-panel/frontdesk-panel.ts'
import { SMALL_KB, kbWith } from '../helpers/kb-dir.ts'
import { WAIT } from '../helpers/wait.ts'

// Tests run Lit's development build; its one-time "dev mode" notice is noise here.
;(globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ??= new Set(['dev-mode'])

/** The small fixture knowledge base, compiled. */
export const KB: KbFile = compileKb(SMALL_KB)

/** A knowledge base with two near-identical questions, so the engine asks which was meant. */
export const TWINS_KB: KbFile = compileKb(
  kbWith({
    'qa/twins.md': `# Twins

## How long does a zebra sleep at dusk?
id: zebra-night
asked:
- zebra sleep at dusk
- zebra dusk sleep
source: about#what-it-is
related: zebra-day

Zebras sleep a few hours from dusk, standing up.

## How long does a zebra sleep at dawn?
id: zebra-day
asked:
- zebra sleep at dawn
- zebra dawn sleep
source: about#what-it-is
related: zebra-night

Zebras doze for short spells at dawn.
`,
  }),
)

/** The settings most tests use. */
export const SETTINGS = { 'booking-url': 'https://clinic.example/book', phone: '+1 555 0100', kb: 'https://clinic.example/kb.json' }

/** `KB` as its `kb.json` holds it. */
export const KB_JSON = serializeKb(KB)

/** A `fetch` stub answering every request with `body`: a knowledge base as its `kb.json`, or text (or the given status). */
export function serve(body: KbFile | string = KB, status = 200): ReturnType<typeof vi.fn> {
  const fetch = vi.fn(async () => new Response(typeof body === 'string' ? body : serializeKb(body), { status }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

/** Defines the elements (as the embed script does) and adds a `<frontdesk-chat>` with `attributes`. */
export async function mount(attributes: Record<string, string> = SETTINGS): Promise<FrontdeskChat> {
  await import('../../widget/frontdesk.ts')
  const chat = document.createElement('frontdesk-chat')
  for (const [name, value] of Object.entries(attributes)) chat.setAttribute(name, value)
  document.body.append(chat)
  return chat
}

/** The panel, once loaded (the launcher keeps it private; tests look inside). */
export function panelOf(chat: FrontdeskChat): FrontdeskPanel | null {
  return (chat as unknown as { _panel: FrontdeskPanel | null })._panel
}

/** Every element matching `selector` in the launcher's and the panel's shadow roots. */
export function all<E extends Element = HTMLElement>(chat: FrontdeskChat, selector: string): E[] {
  const roots = [chat.shadowRoot!, panelOf(chat)?.renderRoot].filter((root): root is ShadowRoot => !!root)
  return roots.flatMap((root) => [...root.querySelectorAll<E>(selector)])
}

/** The first element matching `selector`, or throws naming it. */
export function one<E extends Element = HTMLElement>(chat: FrontdeskChat, selector: string): E {
  const found = all<E>(chat, selector)[0]
  if (!found) throw new Error(`no ${selector} in the widget`)
  return found
}

/** Waits for the panel's pending render. */
export async function rendered(chat: FrontdeskChat): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  await panelOf(chat)?.updateComplete
}

/** Opens the panel and waits for the knowledge base to load and the panel to render. */
export async function open(chat: FrontdeskChat): Promise<void> {
  await chat.open()
  await vi.waitFor(() => {
    if (panelOf(chat)!.store.waiting.value > 0) throw new Error('kb.json is still loading')
  }, WAIT)
  await rendered(chat)
}

/** Asks through the public API and waits for the render. */
export async function ask(chat: FrontdeskChat, question: string): Promise<HTMLElement> {
  await chat.ask(question)
  await rendered(chat)
  return bots(chat).at(-1)!
}

/** The bot messages, greeting included. */
export const bots = (chat: FrontdeskChat): HTMLElement[] => all(chat, '[part~="message"][data-from="bot"]')

/** The deepest focused element. */
export function focused(): Element | null {
  let element: Element | null = document.activeElement
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
  return element
}

/** Types into the question field as a visitor would. */
export async function type(chat: FrontdeskChat, text: string): Promise<HTMLInputElement> {
  const input = one<HTMLInputElement>(chat, 'input[part~="input"]')
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
  await rendered(chat)
  return input
}

/** Presses a key in the question field. */
export async function press(chat: FrontdeskChat, key: string): Promise<void> {
  const input = one<HTMLInputElement>(chat, 'input[part~="input"]')
  input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }))
  await rendered(chat)
}

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})
