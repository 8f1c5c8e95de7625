import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readLines, writeWhenReady } from '../../../build/cli/lines.ts'

/** A byte source that yields `chunks` and records how many it has handed out. */
function source(chunks: ReadonlyArray<string | Uint8Array>): AsyncIterable<Uint8Array> & { pulled: number } {
  const result = {
    pulled: 0,
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) {
        result.pulled++
        yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      }
    },
  }
  return result
}

async function all(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = []
  for await (const line of lines) out.push(line)
  return out
}

describe('readLines', () => {
  it('yields lines ended by "\\n" or "\\r\\n", blank ones too, and a last line without an ending', async () => {
    expect(await all(readLines(source(['one\r\ntw', 'o\n\nthr', 'ee']), 500))).toEqual(['one', 'two', '', 'three'])
  })

  it('decodes a character split between chunks', async () => {
    const bytes = Buffer.from('café ok\n')
    expect(await all(readLines(source([bytes.subarray(0, 4), bytes.subarray(4)]), 500))).toEqual(['café ok'])
  })

  it('cuts a long line to its first characters as it reads, and reads the next line whole', async () => {
    const chunks = [...Array.from({ length: 1_000 }, () => 'a'.repeat(1_000)), '\nwhat is a tpi\n']
    expect(await all(readLines(source(chunks), 20))).toEqual(['a'.repeat(20), 'what is a tpi'])
  })

  it('reads the next chunk only when asked for the next line', async () => {
    const input = source(['first\n', 'second\n', 'third\n'])
    const lines = readLines(input, 500)
    expect((await lines.next()).value).toBe('first')
    expect(input.pulled).toBe(1)
    expect((await lines.next()).value).toBe('second')
    expect(input.pulled).toBe(2)
  })
})

describe('writeWhenReady', () => {
  it('waits for a full output to drain before resolving', async () => {
    const pending: Array<() => void> = []
    const output = new Writable({ highWaterMark: 4, write: (_chunk, _encoding, done) => void pending.push(done) })
    let written = false
    const writing = writeWhenReady(output, 'more than four bytes').then(() => (written = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).toBe(false)
    pending.shift()!()
    await writing
    expect(written).toBe(true)
  })

  it('resolves at once while the output has room', async () => {
    const output = new Writable({ highWaterMark: 1_024, write: (_chunk, _encoding, done) => done() })
    await expect(writeWhenReady(output, 'short')).resolves.toBeUndefined()
  })
})
