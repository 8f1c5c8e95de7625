/**
 * The embed script, bundled to `dist/frontdesk.js`. One line in a clinic's page is the whole integration:
 *
 * ```html
 * <script type="module" src="https://clinic.example/frontdesk.js" data-booking-url="https://clinic.example/book"></script>
 * ```
 *
 * It defines `<frontdesk-chat>` and, when the page has none, adds one to `<body>` with the script tag's `data-*`
 * settings. A page may place `<frontdesk-chat booking-url="…">` itself instead. Loading the script twice is
 * harmless. If the page's own code already defines `frontdesk-chat`, the console says so and nothing else happens.
 * No globals: module users import what they need from here.
 */
import { FrontdeskChat } from './frontdesk-chat/frontdesk-chat.ts'
import { attributeName } from './settings.ts'

export { FrontdeskChat } from './frontdesk-chat/frontdesk-chat.ts'
export * from './events.ts'

const KNOWN = new Set<string>(FrontdeskChat.observedAttributes)

/** The `<script>` that loaded this module, if the page loaded it with a tag. */
function ownScript(): HTMLScriptElement | undefined {
  return [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((script) => script.src === import.meta.url)
}

/** Adds a `<frontdesk-chat>` configured from the script tag's `data-*`, unless the page already has one. */
function mount(): void {
  const script = ownScript()
  if (!script || document.querySelector('frontdesk-chat')) return
  const chat = document.createElement('frontdesk-chat')
  for (const [key, value] of Object.entries(script.dataset)) {
    const name = attributeName(key)
    if (KNOWN.has(name)) chat.setAttribute(name, value ?? '')
    else console.warn(`Frontdesk: unknown setting data-${name} on the script tag; known: ${[...KNOWN].join(', ')}.`)
  }
  document.body.append(chat)
}

const defined = customElements.get('frontdesk-chat')
if (!defined) customElements.define('frontdesk-chat', FrontdeskChat)
if (defined && !('frontdesk' in defined)) {
  console.error('Frontdesk: the page defines its own <frontdesk-chat>, so the chat cannot start; remove that definition.')
} else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true })
else mount()
