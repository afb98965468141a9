// WeChat hands a page's query values to onLoad as they were written in the URL, still percent-encoded
// (`navigateTo({url: '…?reason=' + encodeURIComponent(text)})`); every page reads its parameters through here.

/** The parameter `name` as it was meant: decoded once; a value that is not valid percent-encoding is kept as it is. */
export function pageParam(query: Record<string, string | undefined> | undefined, name: string): string {
  const raw = query?.[name] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
