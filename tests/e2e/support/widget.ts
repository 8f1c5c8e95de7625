/**
 * The widget's DOM contract (issue 4), as locators. Everything lives in `<frontdesk-chat>`'s open shadow root (or a
 * nested open shadow root); Playwright's CSS locators pierce open shadow roots.
 */
import type { Locator, Page } from 'playwright-core'
import { WAIT_TIMEOUT, type E2eRecord, type RecordedEvent, type RecordedViolation } from './harness.ts'

export const PART = {
  launcher: 'button[part~="launcher"]',
  panel: '[part~="panel"][role="dialog"]',
  title: '[part~="title"]',
  booking: 'a[part~="booking"]',
  close: 'button[part~="close"]',
  reset: 'button[part~="reset"]',
  input: 'input[part~="input"]',
  send: 'button[part~="send"]',
  suggestions: '[part~="suggestions"][role="listbox"]',
  option: '[part~="suggestions"][role="listbox"] [role="option"]',
  log: '[part~="log"]',
  message: '[part~="message"]',
  bot: '[part~="message"][data-from="bot"][data-kind]',
  visitor: '[part~="message"][data-from="visitor"]',
  source: '[part~="source"]',
  chip: 'button[part~="chip"]',
  feedback: '[part~="feedback"]',
  bookingOffer: 'a[part~="booking-offer"]',
  phone: 'a[part~="phone"]',
  emergencyCall: 'a[part~="emergency-call"]',
  live: '[part~="live"][role="status"]',
  disclaimer: '[part~="disclaimer"]',
} as const

/**
 * How long a reply may take in a real browser (the first one includes loading the chat code and `kb.json`): as
 * generous as any other wait, so that it holds on a busy machine.
 */
export const REPLY_TIMEOUT = WAIT_TIMEOUT

/** Collapses whitespace, for comparing rendered text with the knowledge base. */
export const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim()

/** One `<frontdesk-chat>` on a page. */
export class Widget {
  readonly host: Locator

  constructor(
    readonly page: Page,
    host?: Locator,
  ) {
    this.host = host ?? page.locator('frontdesk-chat').first()
  }

  part(selector: string): Locator {
    return this.host.locator(selector)
  }

  get launcher(): Locator {
    return this.part(PART.launcher)
  }
  get panel(): Locator {
    return this.part(PART.panel)
  }
  get input(): Locator {
    return this.part(PART.input)
  }
  get bots(): Locator {
    return this.part(PART.bot)
  }
  get visitors(): Locator {
    return this.part(PART.visitor)
  }
  lastBot(): Locator {
    return this.bots.last()
  }

  /** Waits for the launcher (the script loaded and the element rendered). */
  async ready(): Promise<this> {
    await this.launcher.waitFor({ state: 'visible', timeout: WAIT_TIMEOUT })
    return this
  }

  /** Opens the panel with the mouse and waits for the input. */
  async open(): Promise<this> {
    await this.ready()
    await this.launcher.click()
    await this.panel.waitFor({ state: 'visible', timeout: REPLY_TIMEOUT })
    await this.input.waitFor({ state: 'visible', timeout: REPLY_TIMEOUT })
    return this
  }

  async isOpen(): Promise<boolean> {
    return (await this.panel.count()) > 0 && (await this.panel.first().isVisible())
  }

  /** Sends a message by typing it and pressing Enter; resolves with the new bot message. */
  async ask(text: string, options: { timeout?: number } = {}): Promise<Locator> {
    const before = await this.bots.count()
    await this.input.fill(text)
    await this.input.press('Enter')
    return this.nextBot(before, options.timeout)
  }

  /** Waits for bot message number `before + 1` and returns it. */
  async nextBot(before: number, timeout = REPLY_TIMEOUT): Promise<Locator> {
    const next = this.bots.nth(before)
    await next.waitFor({ state: 'visible', timeout })
    return next
  }

  async kind(message: Locator): Promise<string | null> {
    return message.getAttribute('data-kind')
  }

  /** The widget events recorded on this page. */
  async events(type?: string): Promise<RecordedEvent[]> {
    const all = await this.page.evaluate(() => (window as unknown as { __e2e?: E2eRecord }).__e2e?.events ?? [])
    return type ? all.filter((event) => event.type === type) : all
  }
}

/** `securitypolicyviolation` events recorded on the page. */
export async function cspViolations(page: Page): Promise<RecordedViolation[]> {
  return page.evaluate(() => (window as unknown as { __e2e?: E2eRecord }).__e2e?.csp ?? [])
}

/** The deepest focused element, through shadow roots: its tag and `part`. */
export async function deepFocus(page: Page): Promise<{ tag: string; part: string | null } | null> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
    return element ? { tag: element.tagName.toLowerCase(), part: element.getAttribute('part') } : null
  })
}

/** Whether the deepest focused element has `part` among its parts. */
export async function focusIs(page: Page, part: string): Promise<boolean> {
  const focus = await deepFocus(page)
  return (focus?.part ?? '').split(/\s+/).includes(part)
}

/** Presses Tab until the deepest focused element has `part`, up to `limit` times. Returns how many it took. */
export async function tabTo(page: Page, part: string, limit = 150): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab')
    if (await focusIs(page, part)) return i
  }
  throw new Error(`Tab did not reach [part~="${part}"] in ${limit} presses (last focus: ${JSON.stringify(await deepFocus(page))})`)
}

/** Every element inside the widget (shadow roots included), with its tag and attributes, for XSS checks. */
export interface DeepElement {
  tag: string
  attrs: Record<string, string>
  /** `data-from` and index of the enclosing message, when inside one. */
  message: string | null
}

export async function widgetElements(page: Page): Promise<DeepElement[]> {
  return page.evaluate(() => {
    const out: { tag: string; attrs: Record<string, string>; message: string | null }[] = []
    const messages = new Map<Element, string>()
    const walk = (root: ParentNode, message: string | null): void => {
      for (const element of root.children) {
        let here = message
        if ((element.getAttribute('part') ?? '').split(/\s+/).includes('message')) {
          if (!messages.has(element)) messages.set(element, `${element.getAttribute('data-from')}#${messages.size}`)
          here = messages.get(element) ?? null
        }
        const attrs: Record<string, string> = {}
        for (const attr of element.attributes) attrs[attr.name] = attr.value
        out.push({ tag: element.tagName.toLowerCase(), attrs, message: here })
        if (element.shadowRoot) walk(element.shadowRoot, here)
        walk(element, here)
      }
    }
    for (const host of document.querySelectorAll('frontdesk-chat')) {
      if (host.shadowRoot) walk(host.shadowRoot, null)
      walk(host, null)
    }
    return out
  })
}

/**
 * Waits until the page has drawn two more frames: what the last action started synchronously (a render, a listener
 * that ran twice) is on the page by then. For checks that something did not happen, instead of a fixed delay.
 */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
}

/** Waits for finite CSS animations and transitions (shadow roots included) to finish, so what is measured is final. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Document#getAnimations leaves out shadow trees (the panel's opening animation is two shadow roots deep), so
    // ask the document and every shadow root. An animation may start a little later (the panel's chunk loads
    // first), so wait until none has been running for two frames in a row (within ten seconds, as a bound:
    // animations last a fraction of that even when frames are slow).
    const deadline = performance.now() + 10_000
    const roots = (): DocumentOrShadowRoot[] => {
      const found: DocumentOrShadowRoot[] = [document]
      const walk = (root: Document | ShadowRoot): void => {
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot) {
            found.push(element.shadowRoot)
            walk(element.shadowRoot)
          }
        }
      }
      walk(document)
      return found
    }
    const running = (): Animation[] =>
      roots().flatMap((root) => root.getAnimations()).filter((a) => {
        const timing = a.effect?.getComputedTiming()
        return a.playState !== 'finished' && a.playState !== 'idle' && timing !== undefined && Number.isFinite(timing.endTime as number)
      })
    for (let quietFrames = 0; quietFrames < 2 && performance.now() < deadline; ) {
      const now = running()
      if (now.length > 0) {
        quietFrames = 0
        await Promise.race([Promise.all(now.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 500))])
      } else {
        quietFrames++
        await new Promise((r) => requestAnimationFrame(() => r(undefined)))
      }
    }
  })
}
