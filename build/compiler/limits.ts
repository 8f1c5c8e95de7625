/** Bounds on what the compiler accepts. */
import { defaultEngineOptions } from '../../widget/engine/index.ts'

/**
 * Each bound is far above anything a clinic writes, and each turns input that would otherwise crash the compiler
 * or the widget (a 5 MB answer, 2,500 nested `*`) into a `file:line` problem.
 */
export const KB_LIMITS = {
  /** Bytes in one knowledge-base file. The whole shipped knowledge base is under 100 KB. */
  fileBytes: 5 * 1024 * 1024,
  /** Characters of one answer's Markdown. The longest shipped answer is under 800; lint warns above 80 words. */
  answerLength: 2_000,
  /** Bold, italic and links inside one another ("**bold *and italic***" is 2). */
  inlineNesting: 4,
  /** Characters of a question, a phrasing or a handoff topic: the widget reads no more of a message than this. */
  questionLength: defaultEngineOptions.maxLength,
} as const
