/** The question log under test: pasted, dropped as a file, or the bundled sample. */
import { createModel, signal } from '@preact/signals'
import { readQuestions } from '../../../build/staff/questions.ts'
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

/** The questions, where they came from, the text being pasted, and the actions that replace them. */
export const QuestionsModel = createModel((options: QuestionsModelOptions = {}) => {
  const settings = { ...defaultQuestionsModelOptions, ...options }
  const questions = signal<string[]>([], { name: 'questions' })
  const source = signal('', { name: 'questions.source' })
  const error = signal<string | null>(null, { name: 'questions.error' })
  const draft = signal('', { name: 'questions.draft' })

  const load = (text: string, name: string): void => {
    try {
      const log = readQuestions(text, { name })
      if (log.questions.length === 0) {
        error.value = `${name} has no questions.`
        return
      }
      questions.value = log.questions
      source.value = name
      error.value = null
    } catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause)
    }
  }

  return {
    questions,
    source,
    error,
    draft,
    /** Replaces the pasted text. */
    setDraft(text: string): void {
      draft.value = text
    },
    /** Runs the pasted text: one question per line, or CSV with a `question` column. */
    runDraft(): void {
      load(draft.value, 'pasted questions')
    },
    /** Runs a log already read. */
    loadText(text: string, name: string): void {
      load(text, name)
    },
    /** Reads and runs a dropped or chosen `.txt` or `.csv` file. */
    async loadFile(file: TextFile): Promise<void> {
      if (!/\.(txt|csv)$/i.test(file.name)) {
        error.value = `${file.name} is not a .txt or .csv file.`
        return
      }
      load(await file.text(), file.name)
    },
    /** Fetches and runs the bundled sample log. */
    async loadSample(): Promise<void> {
      try {
        load(await settings.fetchText(settings.sampleUrl), SAMPLE_NAME)
      } catch (cause) {
        error.value = `Could not load the sample log: ${cause instanceof Error ? cause.message : String(cause)}`
      }
    },
    /** Empties the log. */
    clear(): void {
      questions.value = []
      source.value = ''
      error.value = null
    },
  }
})

/** An instance of {@link QuestionsModel}. */
export type QuestionsModel = InstanceType<typeof QuestionsModel>
