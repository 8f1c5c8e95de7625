/**
 * Streaming text through a command: lines read one at a time, each cut to a bound as it is read, and output written
 * at the pace the reader takes it. Memory stays flat whatever arrives: a gigabyte without a newline, or millions of
 * questions piped into `frontdesk ask`.
 */
import { once } from 'node:events'

/**
 * Yields the lines of a byte stream (UTF-8; "\n" or "\r\n" endings), each cut to its first `maxLength` characters
 * while it is read: the rest of a longer line is skipped, never held. Pulls the next chunk only when the caller asks
 * for the next line, so a fast producer waits instead of filling memory.
 */
export async function* readLines(input: AsyncIterable<Uint8Array | string>, maxLength: number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  let line = ''
  const take = (text: string, from: number, to: number): void => {
    if (line.length < maxLength) line += text.slice(from, Math.min(to, from + maxLength - line.length))
  }
  const finish = (): string => {
    const done = line.endsWith('\r') ? line.slice(0, -1) : line
    line = ''
    return done
  }
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
    let from = 0
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', from)) {
      take(text, from, newline)
      from = newline + 1
      yield finish()
    }
    if (from < text.length) take(text, from, text.length)
  }
  const rest = decoder.decode()
  if (rest) take(rest, 0, rest.length)
  if (line !== '') yield finish()
}

/** Writes `text` to `output`, waiting for it to drain when its buffer is full (back-pressure). */
export async function writeWhenReady(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (!output.write(text)) await once(output, 'drain')
}

/**
 * Makes a closed standard output (`frontdesk list | head -1`) end the command quietly with exit code 0, instead
 * of an unhandled EPIPE error and its stack trace: the reader has all it wanted.
 */
export function endQuietlyWhenOutputCloses(output: NodeJS.WriteStream = process.stdout): void {
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(0)
  })
}
