/**
 * The Frontdesk engine: everything that turns a message into a reply, without a DOM. The widget, the CLI and the
 * staff console import from here; only this folder imports minisearch.
 */
export { createEngine, defaultEngineOptions } from './engine.ts'
export { parseKb, withStaff, serializeKb, serializeKbStaff, KbLoadError } from './load.ts'
export { toAskJson, type AskJson, type AskJsonMatch } from './reply-json.ts'
export { toPlainText, isSafeHref, packRichText, unpackRichText, SAFE_LINK_SCHEMES } from './rich-text.ts'
export { hashString, kbIndex } from './index-format.ts'
export { indexSteps, loadIndex, type LoadedIndex } from './index-reader.ts'
export { createAnalyzer, fold, stem, textOptionsOf, words, type Analyzer, type TextOptions } from './text.ts'
export { emergencyDetector, smalltalkDetector } from './intents.ts'
export { phraseParts, type PhrasePart } from './question-form.ts'
export * from './kb-format.ts'
export * from './types.ts'
export { createBaseline, baselineIndexJson, baselineStoreJson, loadBaselineIndex, type Baseline } from './baseline.ts'
