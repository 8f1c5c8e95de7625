/**
 * What a build derives from a knowledge base once its index is built: the real words its speller must leave alone,
 * then the calibration, learned with them. The compiler and `eval --edits` (which rebuilds after each edit) share it.
 */
import { loadIndex, type KbFile, type LoadedIndex } from '../../widget/engine/index.ts'
import { learnCalibration } from './calibrate.ts'
import { realWordsOf } from './real-words.ts'

/** `kb` with its real words and calibration derived again (no calibration when it is too small to learn one). */
export function withDerived<T extends KbFile>(kb: T, index: LoadedIndex = loadIndex(kb)): T {
  const { calibration: _, ...rest } = kb
  const withWords = { ...rest, language: { ...kb.language, realWords: realWordsOf(kb, index) } } as T
  const calibration = learnCalibration(withWords, index)
  return calibration ? { ...withWords, calibration } : withWords
}
