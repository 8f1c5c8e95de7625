/**
 * Faults the static server cannot make, made with Playwright routes in the test's browser context: a `kb.json` that
 * never answers (or answers when the test says so), a hand-made `kb.json`, and a page served with a
 * Content-Security-Policy of the test's choosing.
 */
import { readFileSync } from 'node:fs'
import type { BrowserContext, Route } from 'playwright-core'
import { packRichText, type KbJson, type RichInline, type RichText } from '../../../widget/engine/index.ts'

/** `kb.json` requests held open: the connection is accepted and nothing is answered until {@link release}. */
export interface HeldKb {
  /** How many `kb.json` requests the browser made. */
  readonly requests: number
  /** Answers every held request (and any later one) with the file at `path`. */
  release(path: string): Promise<void>
}

/** Holds every `kb.json` request of `context` open. */
export async function holdKb(context: BrowserContext): Promise<HeldKb> {
  const held: Route[] = []
  let file: string | null = null
  let requests = 0
  const answer = (route: Route, path: string): Promise<void> =>
    route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(path) }).catch(() => undefined)
  await context.route('**/kb.json', (route) => {
    requests++
    if (file) return answer(route, file)
    held.push(route)
    return undefined
  })
  return {
    get requests() {
      return requests
    },
    async release(path) {
      file = path
      await Promise.all(held.splice(0).map((route) => answer(route, path)))
    },
  }
}

/** Serves `body` (JSON) for every `kb.json` request of `context`. */
export async function serveKb(context: BrowserContext, body: unknown): Promise<void> {
  const text = JSON.stringify(body)
  await context.route('**/kb.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: text }))
}

/**
 * An inline rich-text node nested `depth` levels deep (strong, em and link in turn) around `text`: far deeper than
 * any answer the compiler accepts, as a hand-made or tampered `kb.json` could hold.
 */
export function deepInline(depth: number, text: string): RichInline {
  let node: RichInline = { type: 'text', text }
  for (let i = 0; i < depth; i++) {
    node = i % 3 === 2 ? { type: 'link', href: 'https://clinic.example/', children: [node] } : { type: i % 3 ? 'strong' : 'em', children: [node] }
  }
  return node
}

/** The site's `kb.json` with the answer of pair `id` replaced by `answer` (a rich-text tree), stored as `kb.json` stores answers. */
export function kbWithAnswer(kbPath: string, id: string, answer: RichText): Record<string, unknown> {
  const kb = JSON.parse(readFileSync(kbPath, 'utf8')) as KbJson
  const pair = kb.pairs.find(([pairId]) => pairId === id)
  if (!pair) throw new Error(`no pair "${id}" in ${kbPath}`)
  pair[4] = packRichText(answer)
  return kb as unknown as Record<string, unknown>
}

/** Serves the page at `url` with the header `Content-Security-Policy: policy` (the rest of the site as usual). */
export async function withCsp(context: BrowserContext, url: string, policy: string): Promise<void> {
  await context.route(url, async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } })
  })
}
