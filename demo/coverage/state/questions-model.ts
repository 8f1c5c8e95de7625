/** The question log under test: pasted, dropped as a file (text, CSV or JSON Lines), or the bundled sample. */
import { computed, createModel, signal } from '@preact/signals'
import { countQuestions, type LogEntry } from '../../../build/staff/needs.ts'
import { readLogRecords } from '../../../build/staff/questions.ts'
import { fetchText as browserFetchText, type FetchText } from './kb-model.ts'

/** A file as the console reads it: the browser's `File` has both. */
export interface TextFile {
  name: string
  text(): Promise<string>
}

/** Options of {@link QuestionsModel}. */
export interface QuestionsModelOptions {
  /** Where the bundled sample log is, relative to the console's page. */
  sampleUrl?: string
  /** How to fetch it. */
  fetchText?: FetchText
}

/** Default {@link QuestionsModelOptions}. */
export const defaultQuestionsModelOptions: Required<QuestionsModelOptions> = { sampleUrl: 'sample-questions.txt', fetchText: browserFetchText }

/** The name the sample log is shown under. */
export const SAMPLE_NAME = 'sample question log'

/** The files a log may be read from. */
export const LOG_FILE = /\.(txt|csv|jsonl|ndjson|json)$/i

/**
 * The log's distinct questions with how often each was asked and how many "No"s it got, where they came from, the
 * text being pasted, and the actions that replace them.
 */
export const QuestionsModel = createModel((options: QuestionsModelOptions = {}) => {
  const settings = { ...defaultQuestionsModelOptions, ...options }
  const entries = signal<LogEntry[]>([], { name: 'questions.entries' })
  const questions = computed(() => entries.value.map((entry) => entry.question), { name: 'questions' })
  const asked = computed(() => entries.value.reduce((sum, entry) => sum + entry.asked, 0), { name: 'questions.asked' })
  const source = signal('', { name: 'questions.source' })
  const error = signal<string | null>(null, { name: 'questions.error' })
  const draft = signal('', { name: 'questions.draft' })
  // Bumped by every change of log, so that one read in the background (the sample, a large file) that ends after
  // staff chose another log does not replace it.
  let generation = 0

  const load = (text: string, name: string): void => {
    try {
      const counted = countQuestions(readLogRecords(text, { name }).records)
      if (counted.length === 0) {
        error.value = `${name} has no questions.`
        return
      }
      entries.value = counted
      source.value = name
      error.value = null
    } catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause)
    }
  }

  return {
    entries,
    questions,
    asked,
    source,
    error,
    draft,
    /** Replaces the pasted text. */
    setDraft(text: string): void {
      draft.value = text
    },
    /** Runs the pasted text: one question per line, CSV with a `question` column, or JSON Lines. */
    runDraft(): void {
      generation++
      load(draft.value, 'pasted questions')
    },
    /** Runs a log already read. */
    loadText(text: string, name: string): void {
      generation++
      load(text, name)
    },
    /** Reads and runs a dropped or chosen `.txt`, `.csv` or `.jsonl` file. */
    async loadFile(file: TextFile): Promise<void> {
      if (!LOG_FILE.test(file.name)) {
        error.value = `${file.name} is not a .txt, .csv or .jsonl file.`
        return
      }
      const mine = ++generation
      const text = await file.text()
      if (mine === generation) load(text, file.name)
    },
    /** Fetches and runs the bundled sample log. */
    async loadSample(): Promise<void> {
      const mine = ++generation
      try {
        const text = await settings.fetchText(settings.sampleUrl)
        if (mine === generation) load(text, SAMPLE_NAME)
      } catch (cause) {
        if (mine === generation) error.value = `Could not load the sample log: ${cause instanceof Error ? cause.message : String(cause)}`
      }
    },
    /** Empties the log. */
    clear(): void {
      generation++
      entries.value = []
      source.value = ''
      error.value = null
    },
  }
})

/** An instance of {@link QuestionsModel}. */
export type QuestionsModel = InstanceType<typeof QuestionsModel>
