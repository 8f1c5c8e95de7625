/**
 * The knowledge-base browser: every pair with how its own question and phrasings fare, and the source pages with
 * each section's citations. The phrasing checks ask the engine several hundred questions, so they are computed
 * only while something shows them.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals'
import type { Engine, KbFile, KbPair } from '../../../widget/engine/index.ts'
import { checkPhrasings, sourceCoverage, type PhrasingCheck } from '../../../build/staff/kb-health.ts'

/** One pair as the browser lists it. */
export interface PairEntry {
  pair: KbPair
  /** Its question first, then each phrasing. */
  checks: PhrasingCheck[]
  /** True when any of them misses the pair. */
  flagged: boolean
}

/** Search, topic and "flagged only" filters over the pairs, their checks, and the source coverage. */
export const KbBrowserModel = createModel((kb: ReadonlySignal<KbFile | null>, engine: ReadonlySignal<Engine | null>) => {
  const search = signal('', { name: 'kbBrowser.search' })
  const topic = signal('', { name: 'kbBrowser.topic' })
  const onlyFlagged = signal(false, { name: 'kbBrowser.onlyFlagged' })

  const entries = computed<PairEntry[]>(
    () => {
      const current = engine.value
      if (!kb.value || !current) return []
      return kb.value.pairs.map((pair) => {
        const checks = checkPhrasings(current, pair)
        return { pair, checks, flagged: checks.some((check) => check.problem !== null) }
      })
    },
    { name: 'kbBrowser.entries' },
  )
  const flaggedCount = computed(() => entries.value.filter((entry) => entry.flagged).length, { name: 'kbBrowser.flaggedCount' })
  // Topics come with the staff file; without it there are none to choose from.
  const topics = computed(() => [...new Set(kb.value?.pairs.flatMap((pair) => pair.topic ?? []) ?? [])], { name: 'kbBrowser.topics' })
  const visible = computed(
    () => {
      const needle = search.value.trim().toLowerCase()
      return entries.value.filter(
        ({ pair, flagged }) =>
          (!onlyFlagged.value || flagged) &&
          (!topic.value || pair.topic === topic.value) &&
          (!needle || [pair.id, pair.question, ...pair.aliases, pair.answerText].some((text) => text.toLowerCase().includes(needle))),
      )
    },
    { name: 'kbBrowser.visible' },
  )
  const sources = computed(() => (kb.value ? sourceCoverage(kb.value) : []), { name: 'kbBrowser.sources' })
  const uncitedCount = computed(() => sources.value.reduce((sum, page) => sum + page.sections.filter((s) => s.citedBy.length === 0).length, 0), {
    name: 'kbBrowser.uncitedCount',
  })

  return {
    search,
    topic,
    onlyFlagged,
    entries,
    flaggedCount,
    topics,
    visible,
    sources,
    uncitedCount,
    /** Sets the search text (id, question, phrasings, answer). */
    setSearch(text: string): void {
      search.value = text
    },
    /** Shows one topic's pairs, or all with ''. */
    setTopic(name: string): void {
      topic.value = name
    },
    /** Shows only the flagged pairs, or all. */
    setOnlyFlagged(value: boolean): void {
      onlyFlagged.value = value
    },
  }
})

/** An instance of {@link KbBrowserModel}. */
export type KbBrowserModel = InstanceType<typeof KbBrowserModel>
