/** Compile a knowledge-base folder and write `kb.json` and `kb-staff.json`, all or nothing. */
import { join } from 'node:path'
import { serializeKb, serializeKbStaff, type KbFile } from '../../widget/engine/index.ts'
import { compileKb, type CompiledKb } from './compile.ts'
import { writeFileAtomic } from './write.ts'

/** What writing `kb.json` produced. */
export interface WrittenKb<K extends KbFile = KbFile> {
  kb: K
  path: string
  /** The size of `kb.json`, what a visitor downloads. */
  bytes: number
  /** Where its staff fields went (`kb-staff.json`, see {@link staffPath}). */
  staffPath: string
}

/** The `kb-staff.json` of a `kb.json`: beside it, named after it (`kb-10000.json` has `kb-10000-staff.json`). */
export function staffPath(kbPath: string): string {
  return `${kbPath.replace(/\.json$/, '')}-staff.json`
}

/**
 * Writes a compiled knowledge base to `outDir/kb.json` and its staff fields to `outDir/kb-staff.json`, each
 * atomically; `kb.json` last, so a reader never finds a new `kb.json` beside an old staff file.
 */
export function writeKb<K extends KbFile>(kb: K, outDir: string): WrittenKb<K> {
  const path = join(outDir, 'kb.json')
  const json = serializeKb(kb)
  writeFileAtomic(staffPath(path), serializeKbStaff(kb))
  writeFileAtomic(path, json)
  return { kb, path, bytes: Buffer.byteLength(json), staffPath: staffPath(path) }
}

/** Compiles `kbDir` and writes `outDir/kb.json` and `kb-staff.json`. On any problem it throws and writes nothing. */
export function buildKb(kbDir: string, outDir: string): WrittenKb<CompiledKb> {
  return writeKb(compileKb(kbDir), outDir)
}
