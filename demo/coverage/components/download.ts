/** Saving text the console made as a file, in the browser: nothing is sent anywhere. */

/** Offers `text` for download as `name`. */
export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  URL.revokeObjectURL(url)
}
