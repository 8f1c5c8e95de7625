/**
 * Reading knowledge-base files safely. Only regular files are read: an editor's lock file, a named pipe or a link
 * that loops is skipped and named, never opened in a way that could hang. Only UTF-8 text is accepted: a file saved
 * as UTF-16, or garbled, is a `file:line` problem rather than a file that silently reads as empty.
 */
import { isUtf8 } from 'node:buffer'
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readdirSync, statSync, type Stats } from 'node:fs'
import { join } from 'node:path'
import type { Problems } from './errors.ts'
import { KB_LIMITS } from './limits.ts'

/** A file the compiler left alone, and why. */
export interface SkippedFile {
  /** The file's path. */
  path: string
  /** Why it was skipped, in words: "a named pipe (FIFO), not a regular file". */
  reason: string
}

/**
 * True for names that editors and file managers leave beside the files people edit: hidden files (including
 * Emacs's `.#basics.md` lock), autosaves (`#basics.md#`), backups (`basics.md~`) and Office locks (`~$basics.md`).
 */
export function isEditorFile(name: string): boolean {
  return /^[.#~]/.test(name) || name.endsWith('~')
}

/** True when anything is at `path`, even a link to nothing (which `existsSync` calls absent). */
export function present(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException | undefined)?.code ?? String(error)

/** Why an open failed, in words. */
function openFailure(error: unknown): string {
  const code = errorCode(error)
  if (code === 'ELOOP') return 'a link that loops back on itself'
  if (code === 'ENOENT') return 'a link to a file that does not exist'
  if (code === 'ENXIO') return 'a socket, not a regular file'
  if (code === 'EACCES' || code === 'EPERM') return 'not readable (permission denied)'
  return `not readable (${code})`
}

/** What a non-regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isSocket()) return 'a socket'
  return 'a device'
}

/**
 * Opens `path` if it is a regular file and returns its descriptor, or the reason it is not one. The open is
 * non-blocking, so a named pipe is recognised (and closed) instead of waiting forever for a writer.
 */
function openRegular(path: string): { fd: number; stats: Stats } | { reason: string } {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    return { reason: openFailure(error) }
  }
  const stats = fstatSync(fd)
  if (stats.isFile()) return { fd, stats }
  closeSync(fd)
  return { reason: `${kindOf(stats)}, not a regular file` }
}

/**
 * The `*.md` files of a folder, sorted, that the compiler should read. Hidden and editor files, and anything that
 * is not a regular file, are added to `skipped` instead. A missing folder has none; a path that is not a folder
 * is a problem.
 */
export function markdownFiles(dir: string, shown: string, problems: Problems, skipped: SkippedFile[]): string[] {
  let stats: Stats | undefined
  try {
    stats = statSync(dir, { throwIfNoEntry: false })
  } catch (error) {
    problems.add(shown, 1, `cannot be read as a folder: ${openFailure(error)}`)
    return []
  }
  if (!stats) return []
  if (!stats.isDirectory()) {
    problems.add(shown, 1, `should be a folder of Markdown files, but is ${stats.isFile() ? 'a file' : kindOf(stats)}`)
    return []
  }
  const files: string[] = []
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md')) continue
    const path = join(dir, name)
    if (isEditorFile(name)) {
      skipped.push({ path, reason: 'a hidden or editor file' })
      continue
    }
    const opened = openRegular(path)
    if ('reason' in opened) skipped.push({ path, reason: opened.reason })
    else {
      closeSync(opened.fd)
      files.push(path)
    }
  }
  return files
}

/**
 * Reads a knowledge-base file as text. Returns null, with the problem recorded, when it is not a regular file,
 * is larger than {@link KB_LIMITS.fileBytes}, or is not UTF-8 text.
 */
export function readKbText(path: string, shown: string, problems: Problems): string | null {
  const opened = openRegular(path)
  if ('reason' in opened) {
    problems.add(shown, 1, `cannot be read: it is ${opened.reason}`)
    return null
  }
  try {
    if (opened.stats.size > KB_LIMITS.fileBytes) {
      problems.add(shown, 1, `the file is ${megabytes(opened.stats.size)}; a knowledge-base file may be at most ${megabytes(KB_LIMITS.fileBytes)}`)
      return null
    }
    return decodeText(readFileSync(opened.fd), shown, problems)
  } finally {
    closeSync(opened.fd)
  }
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** Control characters that never belong in a text file (tab, line feed, form feed and carriage return do). */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/

/** Line (1-based) of byte `offset`: a line-feed byte never occurs inside a multi-byte UTF-8 character. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** The first line that is not valid UTF-8 on its own. */
function firstInvalidLine(bytes: Uint8Array): number {
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start)
    const end = newline < 0 ? bytes.length : newline
    if (!isUtf8(bytes.subarray(start, end))) return lineOfByte(bytes, start)
    start = end + 1
  }
  return 1
}

/** UTF-16 text: a UTF-16 byte-order mark, or (in mostly-Latin text without one) a zero byte in every other place. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true
  const sample = bytes.subarray(0, 512)
  let zeros = 0
  for (const byte of sample) if (byte === 0) zeros++
  return sample.length >= 4 && zeros >= sample.length / 3
}

/**
 * Decodes a file's bytes as UTF-8 text without its byte-order mark. Returns null, with one problem at the first bad
 * line, for UTF-16, for bytes that are not UTF-8, and for control characters (a binary file).
 */
export function decodeText(bytes: Uint8Array, shown: string, problems: Problems): string | null {
  const advice = 'save it as UTF-8 text (with or without a byte-order mark)'
  if (looksLikeUtf16(bytes)) {
    problems.add(shown, 1, `the file is UTF-16 text; ${advice}`)
    return null
  }
  if (!isUtf8(bytes)) {
    problems.add(shown, firstInvalidLine(bytes), `this line is not valid UTF-8 (the file may be in another encoding, or not text); ${advice}`)
    return null
  }
  // TextDecoder drops a leading byte-order mark.
  const text = new TextDecoder('utf-8').decode(bytes)
  const control = CONTROL.exec(text)
  if (control) {
    const line = text.slice(0, control.index).split('\n').length
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()
    problems.add(shown, line, `this line holds the control character U+${code}, so the file is not plain text; ${advice}`)
    return null
  }
  return text
}
