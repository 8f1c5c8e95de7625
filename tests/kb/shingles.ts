/**
 * The own-words rule: no file may copy ten or more words in a row from a source document. Documents are compared
 * as runs of ten words ("shingles"), normalised as the project's before-stop check does: lower case, only
 * letters, digits and spaces. The seeds' shingles are kept hashed in `tests/fixtures/seed-shingles.txt`, so the
 * check runs without the seeds and without keeping their text.
 */
import { createHash } from 'node:crypto'

/** Words as the rule compares them. */
export function normalisedWords(text: string): string[] {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/[^a-z0-9 ]+/g, '').trim().split(' ').filter(Boolean)
}

/** A shingle's hash: 12 hex digits of SHA-1. */
export function hashShingle(words: readonly string[]): string {
  return createHash('sha1').update(words.join(' ')).digest('hex').slice(0, 12)
}

/** The hashes of every run of ten words in `text`, each with the run itself. */
export function shingles(text: string): Array<{ hash: string; words: string }> {
  const words = normalisedWords(text)
  const out: Array<{ hash: string; words: string }> = []
  for (let i = 0; i + 10 <= words.length; i++) {
    const run = words.slice(i, i + 10)
    out.push({ hash: hashShingle(run), words: run.join(' ') })
  }
  return out
}
