// File URIs as people read them.

/** The file name of a URI, decoded: `file:///etc/keepalived/my%20vips.conf` → `my vips.conf`. */
export function uriBasename(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    // A stray '%' is no escape: the name as written.
    return name;
  }
}
