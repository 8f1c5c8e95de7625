/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields holding commas, quotes ("") and line breaks, a byte-order
 * mark at the start, CRLF or LF line ends. DOM-free and dependency-free: the CLI and the staff console share it.
 */

/** Parses CSV text into rows of fields. A final line break does not make an empty row. */
export function parseCsv(text: string): string[][] {
  const input = text.replace(/^\uFEFF/, '')
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < input.length) {
    const ch = input[i]!
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (ch === '"') quoted = false
      else field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      // CRLF is one line end, not two.
      if (ch === '\r' && input[i + 1] === '\n') i++
    } else field += ch
    i++
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** Quotes a field when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Writes rows as CSV with CRLF line ends, the form spreadsheets expect. A field starting with `=`, `+`, `-` or `@`
 * gets a leading apostrophe, because visitors' questions are untrusted and a spreadsheet would run it as a formula.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const safe = (value: string | number): string | number => (typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value)
  return rows.map((row) => row.map((value) => csvField(safe(value))).join(',')).join('\r\n') + '\r\n'
}
