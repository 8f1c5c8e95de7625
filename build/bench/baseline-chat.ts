/**
 * The plain-MiniSearch page of the browser benchmark (`browser.ts`), bundled into the page's `baseline-chat.js`:
 * what a page does that loads a ready-made MiniSearch index on first open, the fastest way MiniSearch offers
 * (`loadJSON`), and answers with the top result's stored answer. It is the yardstick, not a product: no styles,
 * no checks. Loaded by the page's launcher button on click, as the widget's chunk was before intent preloading.
 */
import MiniSearch from 'minisearch'

/** What `baseline.json` holds: the index, with each pair's answer stored. */
interface BaselineFile {
  fields: string[]
  index: string
}

// The page names its index: `<body data-index="baseline-real.json">`.
const response = await fetch(new URL(document.body.dataset.index ?? 'baseline.json', document.baseURI))
const file = (await response.json()) as BaselineFile
const search = MiniSearch.loadJSON(file.index, { fields: file.fields, storeFields: ['answer'] })

const panel = document.body.appendChild(document.createElement('section'))
const input = panel.appendChild(document.createElement('input'))
input.setAttribute('aria-label', 'Your question')
const log = panel.appendChild(document.createElement('div'))

/** Answers a question in the page, then reports it with a `baseline-reply` event. */
function ask(question: string): void {
  const top = search.search(question)[0]
  log.appendChild(document.createElement('p')).textContent = String(top?.answer ?? 'No answer.')
  document.dispatchEvent(new CustomEvent('baseline-reply', { detail: { id: top?.id ?? null } }))
}

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') ask(input.value)
})
;(window as unknown as { baselineAsk: (question: string) => void }).baselineAsk = ask
input.focus()
