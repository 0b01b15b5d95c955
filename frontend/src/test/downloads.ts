import { vi } from 'vitest';

export interface Download {
  fileName: string;
  blob: Blob;
}

/**
 * Records the files the app saves (object URL + a clicked link) instead of letting jsdom try to
 * navigate to them. Restore the spies with `vi.restoreAllMocks()`.
 */
export function captureDownloads(): Download[] {
  const saved: Download[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob: Blob | MediaSource) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ fileName: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
  });
  return saved;
}

/** A saved file's text without the UTF-8 byte order mark (which it is checked for separately). */
export async function textOf(blob: Blob): Promise<{ bom: boolean; text: string }> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { bom, text: new TextDecoder().decode(bom ? bytes.slice(3) : bytes) };
}
