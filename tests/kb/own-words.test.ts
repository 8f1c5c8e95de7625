import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { shingles } from './shingles.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const HASHES = join(ROOT, 'tests', 'fixtures', 'seed-shingles.txt')
const SEEDS = join(ROOT, '..', 'shared', 'seeds')

/** Every file of the project that git knows or would add: tracked, and untracked but not ignored. */
function projectFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  return out.split('\0').filter((file) => file && existsSync(join(ROOT, file)) && statSync(join(ROOT, file)).size < 2_000_000 && !file.endsWith('.png'))
}

describe('the own-words rule', () => {
  const seedShingles = new Set(readFileSync(HASHES, 'utf8').split('\n').filter(Boolean))

  it('knows the source documents (hashed runs of ten words)', () => {
    expect(seedShingles.size).toBeGreaterThan(1000)
  })

  it('holds in every file of the project: no ten words in a row from a source document', () => {
    const copies: string[] = []
    for (const file of projectFiles()) {
      if (file === 'tests/fixtures/seed-shingles.txt') continue
      const hit = shingles(readFileSync(join(ROOT, file), 'utf8')).find((s) => seedShingles.has(s.hash))
      if (hit) copies.push(`${file}: "${hit.words}"`)
    }
    expect(copies).toEqual([])
  })

  it('uses hashes that match the source documents beside the project', (ctx) => {
    if (!existsSync(SEEDS)) {
      // Said in the output, not skipped silently: a clone of the project alone has no source documents.
      console.warn(`skipped: the source documents are not beside the project (${SEEDS}); the check above still runs on their hashes in tests/fixtures/seed-shingles.txt`)
      ctx.skip()
    }
    const fromSeeds = new Set<string>()
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
      for (const s of shingles(readFileSync(join(SEEDS, file), 'utf8'))) fromSeeds.add(s.hash)
    }
    expect(fromSeeds).toEqual(seedShingles)
  })
})
