/**
 * Checks a dataset mirror given on the command line: an http(s) folder URL.
 * Returns it with a trailing slash, so file names append cleanly.
 */
export function parseMirror(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(
      `--mirror "${text}" is not a URL; give a folder such as https://example.org/mnist/.`
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--mirror "${text}" must start with http:// or https://.`)
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}
