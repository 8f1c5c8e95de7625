/** Compile a knowledge-base folder and write `kb.json`, all or nothing. */
import { join } from 'node:path'
import { serializeKb, type KbFile } from '../../widget/engine/index.ts'
import { compileKb } from './compile.ts'
import { writeFileAtomic } from './write.ts'

/** What writing `kb.json` produced. */
export interface WrittenKb {
  kb: KbFile
  path: string
  bytes: number
}

/** Writes a compiled knowledge base to `outDir/kb.json` atomically. */
export function writeKb(kb: KbFile, outDir: string): WrittenKb {
  const path = join(outDir, 'kb.json')
  const json = serializeKb(kb)
  writeFileAtomic(path, json)
  return { kb, path, bytes: Buffer.byteLength(json) }
}

/** Compiles `kbDir` and writes `outDir/kb.json`. On any problem it throws and writes nothing. */
export function buildKb(kbDir: string, outDir: string): WrittenKb {
  return writeKb(compileKb(kbDir), outDir)
}
