/** Reading a question log: one question per line, or a CSV export with a `question` column. DOM-free. */
import { parseCsv } from './csv.ts'

/** A question log as read. */
export interface QuestionLog {
  /** The questions, trimmed, empty ones dropped, in order. */
  questions: string[]
  /** How the text was read. */
  format: 'lines' | 'csv'
}

/** Options of {@link readQuestions}. */
export interface ReadQuestionsOptions {
  /** The file's name, for messages; a name ending in `.csv` must have a `question` column. */
  name?: string
}

/** The column a CSV log must have (any case). */
export const QUESTION_COLUMN = 'question'

/**
 * Reads a question log. It is CSV when its first line, read as CSV, has a `question` column; otherwise every
 * non-empty line is a question. Throws for a `.csv` file without that column, naming the columns it has.
 */
export function readQuestions(text: string, options: ReadQuestionsOptions = {}): QuestionLog {
  const body = text.replace(/^\uFEFF/, '')
  const firstLine = body.split(/\r?\n/, 1)[0] ?? ''
  const header = parseCsv(firstLine)[0] ?? []
  const column = header.findIndex((cell) => cell.trim().toLowerCase() === QUESTION_COLUMN)
  if (column >= 0) {
    const questions = parseCsv(body)
      .slice(1)
      .map((row) => (row[column] ?? '').trim())
      .filter(Boolean)
    return { questions, format: 'csv' }
  }
  if (options.name?.toLowerCase().endsWith('.csv')) {
    throw new Error(`${options.name} has no "${QUESTION_COLUMN}" column (columns: ${header.map((cell) => `"${cell.trim()}"`).join(', ')})`)
  }
  const questions = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  return { questions, format: 'lines' }
}
