/** Finding and reading the `kb.json` a command works on. */
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createEngine, parseKb, withStaff, type Engine, type EngineOptions, type KbFile } from '../../widget/engine/index.ts'
import { buildKb, staffPath } from '../compiler/build-kb.ts'
import { DEFAULT_LANGUAGE_FILE } from '../compiler/language.ts'
import { isEditorFile } from '../compiler/read.ts'

/** Where `--kb` points by default. */
export const DEFAULT_KB_FILE = 'dist/kb.json'
/** The knowledge-base folder compiled when the default `kb.json` is missing. */
export const DEFAULT_KB_DIR = 'kb'

/** When a file was last modified; for a link that loops or leads nowhere, the link's own time. */
function modified(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return lstatSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0
  }
}

/**
 * The newest modification time of any file under `dir` the compiler reads. Hidden and editor files are left out,
 * and a link that loops or leads nowhere counts by its own time: none of them may stop a command.
 */
function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (isEditorFile(entry.name)) continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : modified(path))
  }
  return newest
}

/**
 * Reads a `kb.json`, and the `kb-staff.json` beside it when there is one (staff fields: pairs' topics, notes and
 * origins). The default one is built from `kb/` first when it or its staff file is missing, or it is older than any
 * file in `kb/`, so staff who edit the knowledge base never question yesterday's build by mistake.
 */
export function readKbFile(path: string = DEFAULT_KB_FILE): KbFile {
  if (path === DEFAULT_KB_FILE && existsSync(DEFAULT_KB_DIR)) {
    const sources = Math.max(newestMtime(DEFAULT_KB_DIR), statSync(DEFAULT_LANGUAGE_FILE).mtimeMs)
    if (!existsSync(path) || !existsSync(staffPath(path)) || statSync(path).mtimeMs < sources) buildKb(DEFAULT_KB_DIR, 'dist')
    try {
      return parseKbFile(path)
    } catch {
      // Built by an older version of Frontdesk: build it again rather than refuse it.
      buildKb(DEFAULT_KB_DIR, 'dist')
    }
  } else if (!existsSync(path)) {
    throw new Error(`no such file: ${path}`)
  }
  return parseKbFile(path)
}

/** Reads a JSON file, naming it in any error. */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
}

/** Parses a `kb.json`, with the staff fields of the `kb-staff.json` beside it when there is one, naming the file in any error. */
function parseKbFile(path: string): KbFile {
  const json = readJson(path)
  const staff = existsSync(staffPath(path)) ? readJson(staffPath(path)) : undefined
  try {
    const kb = parseKb(json)
    return staff === undefined ? kb : withStaff(kb, staff)
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message.replace(/^Frontdesk: /, '') : String(error)}`)
  }
}

/**
 * Reads a `kb.json` and creates an engine over it. The default one is rebuilt if an older engine built it (its
 * index options no longer match).
 */
export function loadKbAndEngine(path?: string, options?: EngineOptions): { kb: KbFile; engine: Engine } {
  const load = () => {
    const kb = readKbFile(path)
    return { kb, engine: createEngine(kb, options) }
  }
  try {
    return load()
  } catch (error) {
    if ((path ?? DEFAULT_KB_FILE) !== DEFAULT_KB_FILE || !existsSync(DEFAULT_KB_DIR)) throw error
    buildKb(DEFAULT_KB_DIR, 'dist')
    return load()
  }
}

/** Reads a `kb.json` and creates an engine over it (see {@link loadKbAndEngine}). */
export function loadEngine(path?: string, options?: EngineOptions): Engine {
  return loadKbAndEngine(path, options).engine
}
