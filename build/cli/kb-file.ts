/** Finding and reading the `kb.json` a command works on. */
import { existsSync, readFileSync } from 'node:fs'
import { createEngine, parseKb, type Engine, type EngineOptions, type KbFile } from '../../widget/engine/index.ts'
import { buildKb } from '../compiler/build-kb.ts'

/** Where `--kb` points by default. */
export const DEFAULT_KB_FILE = 'dist/kb.json'
/** The knowledge-base folder compiled when the default `kb.json` is missing. */
export const DEFAULT_KB_DIR = 'kb'

/** Reads a `kb.json`; the default one is built from `kb/` first when it is missing. */
export function readKbFile(path: string = DEFAULT_KB_FILE): KbFile {
  if (!existsSync(path)) {
    if (path !== DEFAULT_KB_FILE) throw new Error(`no such file: ${path}`)
    buildKb(DEFAULT_KB_DIR, 'dist')
  }
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  try {
    return parseKb(json)
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message.replace(/^Frontdesk: /, '') : String(error)}`)
  }
}

/** Reads a `kb.json` and creates an engine over it. */
export function loadEngine(path?: string, options?: EngineOptions): Engine {
  return createEngine(readKbFile(path), options)
}
