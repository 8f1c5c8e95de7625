/** Problems found in knowledge-base files, each pinned to a file and line. */

/** One problem in a knowledge-base file. */
export interface KbProblem {
  /** The file, as given to the compiler (relative to the working directory). */
  file: string
  /** 1-based line. */
  line: number
  message: string
}

/** Formats a problem as `file:line: message`, the form editors and terminals link to. */
export function formatProblem(problem: KbProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`
}

/** Collects problems, so every one is reported at once. */
export class Problems {
  readonly list: KbProblem[] = []
  add(file: string, line: number, message: string): void {
    this.list.push({ file, line, message })
  }
  get size(): number {
    return this.list.length
  }
}

/** Thrown when compilation finds problems; carries all of them. */
export class KbCompileError extends Error {
  override name = 'KbCompileError'
  constructor(readonly problems: readonly KbProblem[]) {
    super(problems.map(formatProblem).join('\n'))
  }
}
