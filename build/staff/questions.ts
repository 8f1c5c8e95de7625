/**
 * Reading a question log: one question per line, a CSV export with a `question` column, or JSON Lines such as the
 * clinic's own `frontdesk-reply` log (README, "Correcting answers"). DOM-free.
 */
import { parseCsv } from './csv.ts'

/** One line of a log: a question asked, or an answer to "Did this answer your question?" about it. */
export interface LogRecord {
  question: string
  /** Set for feedback: false for "No", true for "Yes". */
  helpful?: boolean
}

/** How a log was read. */
export type LogFormat = 'lines' | 'csv' | 'jsonl'

/** A question log as read. */
export interface QuestionLog {
  /** The questions asked (feedback records left out), trimmed, empty ones dropped, in order. */
  questions: string[]
  /** How the text was read. */
  format: LogFormat
}

/** Options of {@link readQuestions} and {@link readLogRecords}. */
export interface ReadQuestionsOptions {
  /** The file's name, for messages; a name ending in `.csv` must have a `question` column, `.jsonl` must be JSON Lines. */
  name?: string
}

/** The column a CSV log must have, and the field each JSON Lines record must have (any case for the column). */
export const QUESTION_COLUMN = 'question'
/** The optional column or field with feedback: false (no, 0) for "No", true (yes, 1) for "Yes". */
export const HELPFUL_COLUMN = 'helpful'

/** A feedback cell as a boolean, or undefined when empty or unreadable. */
function helpfulness(cell: string | undefined): boolean | undefined {
  const value = cell?.trim().toLowerCase()
  if (value === 'false' || value === 'no' || value === '0') return false
  if (value === 'true' || value === 'yes' || value === '1') return true
  return undefined
}

/** Reads JSON Lines: one object per line with a `question` string (and `helpful` for feedback). */
function readJsonLines(body: string, name: string): LogRecord[] {
  const records: LogRecord[] = []
  body.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new Error(`${name}:${i + 1}: not a JSON object: ${line.slice(0, 60)}`)
    }
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
    const question = record[QUESTION_COLUMN]
    if (typeof question !== 'string') throw new Error(`${name}:${i + 1}: has no "${QUESTION_COLUMN}" text`)
    if (question.trim() === '') return
    const helpful = record[HELPFUL_COLUMN]
    records.push(typeof helpful === 'boolean' ? { question: question.trim(), helpful } : { question: question.trim() })
  })
  return records
}

/**
 * Reads a log's records. It is JSON Lines when its first line is a JSON object (or its name ends in `.jsonl`), CSV
 * when its first line, read as CSV, has a `question` column; otherwise every non-empty line is a question. Throws for
 * a `.csv` file without that column, naming the columns it has, and for a JSON Lines line it cannot read, naming it.
 */
export function readLogRecords(text: string, options: ReadQuestionsOptions = {}): { records: LogRecord[]; format: LogFormat } {
  const name = options.name ?? 'the log'
  const body = text.replace(/^\uFEFF/, '')
  const firstLine = body.split(/\r?\n/, 1)[0] ?? ''
  if (/\.(jsonl|ndjson)$/i.test(name) || firstLine.trimStart().startsWith('{')) return { records: readJsonLines(body, name), format: 'jsonl' }
  const header = parseCsv(firstLine)[0] ?? []
  const columnOf = (label: string): number => header.findIndex((cell) => cell.trim().toLowerCase() === label)
  const column = columnOf(QUESTION_COLUMN)
  if (column >= 0) {
    const feedback = columnOf(HELPFUL_COLUMN)
    const records = parseCsv(body)
      .slice(1)
      .flatMap((row): LogRecord[] => {
        const question = (row[column] ?? '').trim()
        const helpful = feedback >= 0 ? helpfulness(row[feedback]) : undefined
        return question ? [helpful === undefined ? { question } : { question, helpful }] : []
      })
    return { records, format: 'csv' }
  }
  if (name.toLowerCase().endsWith('.csv')) {
    throw new Error(`${name} has no "${QUESTION_COLUMN}" column (columns: ${header.map((cell) => `"${cell.trim()}"`).join(', ')})`)
  }
  const records = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((question) => ({ question }))
  return { records, format: 'lines' }
}

/** Reads a question log: the questions asked, in order, repeats kept. See {@link readLogRecords}. */
export function readQuestions(text: string, options: ReadQuestionsOptions = {}): QuestionLog {
  const { records, format } = readLogRecords(text, options)
  return { questions: records.filter((record) => record.helpful === undefined).map((record) => record.question), format }
}
