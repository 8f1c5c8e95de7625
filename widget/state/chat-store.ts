/**
 * The chat's state as signals, and the actions that change it. The panel renders from the signals and calls the
 * actions; the store knows nothing of the DOM. The knowledge base is loaded on the first `preload()` (the visitor
 * showed intent) or `start()` (first open), never before (the launcher may have sent the request already, beside the
 * chat's code: `ChatStoreOptions.loader.started`), and the engine is built from it in idle time.
 */
import { batch, effect, signal } from '@preact/signals-core'
import { createEngine, indexSteps, parseKb, type Engine, type EngineOptions, type KbFile, type LoadedIndex, type Suggestion } from '../engine/index.ts'
import type { ReplyDetail } from '../events.ts'
import { runInSlices } from './idle.ts'
import { createKbLoader, type KbLoaderOptions } from './kb-loader.ts'
import { fromPair, fromReply, replyDetail, restoreMessages, toChips, unavailable, type BotMessage, type ChatMessage, type Chip } from './messages.ts'
import { sessionSlot } from './storage.ts'

/** The most messages a conversation keeps (and the panel shows); older ones are dropped, so a long chat stays fast. */
export const MAX_MESSAGES = 100

/** Options of {@link createChatStore}. */
export interface ChatStoreOptions {
  /** Where `kb.json` is; read when it is first fetched. */
  kbUrl: () => string
  /** Keep the conversation in sessionStorage under this key; null (the default) touches no storage at all. */
  persistKey?: string | null
  engineOptions?: EngineOptions
  loader?: KbLoaderOptions
}

/** The chat store: signals to read, actions to call. */
export type ChatStore = ReturnType<typeof createChatStore>

/** Creates the state of one chat panel. */
export function createChatStore(options: ChatStoreOptions) {
  const slot = options.persistKey ? sessionSlot(options.persistKey) : null
  /** The conversation, oldest first (the greeting is not part of it): the latest {@link MAX_MESSAGES} only. */
  const messages = signal<ChatMessage[]>(slot ? restoreMessages(slot.load()).slice(-MAX_MESSAGES) : [])
  /** How many earlier messages were dropped. */
  const earlier = signal(0)
  /** The engine, once the knowledge base is loaded. */
  const engine = signal<Engine | null>(null)
  /** Questions waiting for the knowledge base: the panel shows a typing indicator meanwhile. */
  const waiting = signal(0)
  /** The text of the polite live region: the newest reply only, so history is never re-read. */
  const announcement = signal('')

  let kb: KbFile | null = null
  let index: LoadedIndex | null = null
  let engineOptions: EngineOptions = options.engineOptions ?? {}
  let starterCache: { engine: Engine | null; key: string; chips: Chip[] } = { engine: null, key: '', chips: [] }
  let nextId = messages.value.reduce((max, message) => Math.max(max, message.id), 0) + 1

  const loader = createKbLoader(
    options.kbUrl,
    async (json) => {
      const file = parseKb(json)
      // Built here so an index the engine refuses counts as a failed load, like a corrupt file; a document at a time,
      // so the page stays responsive however large the knowledge base: in the background until a visitor waits.
      const used = engineOptions
      const [built, ready] = await runInSlices(buildSteps(file), () => (waiting.value > 0 ? 'user-visible' : 'background'))
      index = built
      // Settings that changed while it was being built (configure() had no knowledge base yet) apply now.
      engine.value = used === engineOptions ? ready : createEngine(file, engineOptions, built)
      kb = file
      return file
    },
    options.loader,
  )

  /** The index, then the engine, then a first reply: the code a reply runs is readied in idle time too. */
  function* buildSteps(file: KbFile): Generator<void, [LoadedIndex, Engine]> {
    const built = yield* indexSteps(file)
    yield* built.vocabularySteps()
    yield
    const made = createEngine(file, engineOptions, built)
    yield
    // The code a reply runs, readied in two steps: the checks for small talk and emergencies, then the matching.
    made.reply('thanks')
    yield
    made.reply(file.pairs[0]?.question ?? '')
    return [built, made]
  }

  if (slot) effect(() => slot.save(messages.value))

  const push = (...added: ChatMessage[]): void => {
    const all = [...messages.value, ...added]
    const drop = Math.max(0, all.length - MAX_MESSAGES)
    batch(() => {
      earlier.value += drop
      messages.value = drop ? all.slice(drop) : all
    })
  }

  const announce = (text: string): void => {
    // A repeated reply must still be announced: a changed (invisible) character makes it a new text.
    announcement.value = text === announcement.value ? `${text}\u00a0` : text
  }

  /** Adds a reply and announces it. Booking is offered at most once in a row: the header always has it. */
  const reply = (message: BotMessage): BotMessage => {
    const last = messages.value.filter((m): m is BotMessage => m.from === 'bot').at(-1)
    const shown = message.help && last && (last.help || last.feedback === 'no') ? { ...message, help: false } : message
    push(shown)
    announce(shown.text)
    return shown
  }

  /** Resolves to the engine, loading the knowledge base if needed; null while it is unavailable. */
  async function ready(): Promise<Engine | null> {
    if (engine.value) return engine.value
    waiting.value++
    try {
      await loader.load()
    } finally {
      waiting.value--
    }
    return engine.value
  }

  /** Adds the visitor's message and the reply `answer` makes once the engine is ready. */
  async function converse(question: string, answer: (engine: Engine, id: number) => BotMessage): Promise<ReplyDetail> {
    push({ id: nextId++, from: 'visitor', text: question })
    const current = await ready()
    const id = nextId++
    let message = unavailable(id)
    try {
      if (current) message = answer(current, id)
    } catch (error) {
      // Whatever went wrong, the visitor gets a reply with booking, and nothing is thrown into the page.
      console.error('Frontdesk: could not answer', error)
    }
    return replyDetail(question, reply(message))
  }

  return {
    messages,
    earlier,
    engine,
    waiting,
    announcement,

    /** The visitor showed intent (hovered or focused the launcher): load the knowledge base, quietly. */
    preload(): void {
      loader.prefetch()
    },

    /** The panel opened: load the knowledge base, and say so if it is unavailable. */
    async start(): Promise<void> {
      if (await ready()) return
      // A question asked meanwhile gets its own reply saying so; an unavailable message is never repeated.
      const last = messages.value.at(-1)
      if (last?.from === 'visitor' || (last?.from === 'bot' && last.kind === 'error')) return
      reply(unavailable(nextId++))
    },

    /** Answers a typed question. Blank text is ignored (resolves to null). */
    async ask(text: string): Promise<ReplyDetail | null> {
      const question = text.trim()
      if (!question) return null
      return converse(question, (engine, id) => fromReply(id, engine.reply(question)))
    },

    /** Answers a chip or a suggestion: its pair directly when known, else its text as a question. */
    async choose(chip: Chip): Promise<ReplyDetail | null> {
      return converse(chip.question, (engine, id) => {
        const pair = chip.id === null ? undefined : engine.pair(chip.id)
        if (!pair) return fromReply(id, engine.reply(chip.question))
        const related = pair.related.flatMap((relatedId) => engine.pair(relatedId) ?? [])
        return fromPair(id, pair, related)
      })
    },

    /** Records "Did this answer your question?"; returns the pair rated, or null if nothing was waiting. */
    rate(messageId: number, helpful: boolean): string | null {
      const message = messages.value.find((m): m is BotMessage => m.id === messageId && m.from === 'bot')
      if (!message || message.feedback !== 'ask' || !message.pairId) return null
      // Not announced: focus moves to what replaces the buttons, and a screen reader reads it from there.
      messages.value = messages.value.map((m) => (m === message ? { ...message, feedback: helpful ? 'yes' : 'no' } : m))
      return message.pairId
    },

    /** Known questions for what the visitor is typing. */
    suggest(text: string): Suggestion[] {
      return engine.value?.suggest(text, 5) ?? []
    },

    /** The greeting's chips: the clinic's suggestions (matched to pairs when the engine knows them), else the first questions. */
    starters(suggestions: readonly string[]): Chip[] {
      const current = engine.value
      if (suggestions.length === 0) return toChips((current?.pairs ?? []).slice(0, 3))
      const key = suggestions.join('|')
      if (starterCache.engine !== current || starterCache.key !== key) {
        const chips = suggestions.map((question) => {
          const reply = current?.reply(question)
          return { id: reply?.kind === 'answer' ? (reply.top?.pair.id ?? null) : null, question }
        })
        starterCache = { engine: current, key, chips }
      }
      return starterCache.chips
    },

    /** Engine options changed (threshold, emergency number): rebuild the engine if the knowledge base is loaded. */
    configure(next: EngineOptions): void {
      if (JSON.stringify(next) === JSON.stringify(engineOptions)) return
      engineOptions = next
      if (!kb) return
      try {
        engine.value = createEngine(kb, engineOptions, index ?? undefined)
      } catch (error) {
        console.error('Frontdesk: could not apply the new settings', error)
      }
    },

    /** Clears the conversation (and a stored one). */
    reset(): void {
      batch(() => {
        messages.value = []
        earlier.value = 0
        announcement.value = ''
      })
      slot?.clear()
    },
  }
}
