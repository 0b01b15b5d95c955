/** A cell of a spreadsheet the browser writes (an import template, a report's table). */
export type CsvCell = string | number | null | undefined;

/**
 * Text that Excel would run as a formula (=, +, -, @, or a tab/return first) gets a leading
 * apostrophe: names and labels come from people, and a file opened in Excel must not execute them.
 */
function guarded(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : guarded(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: quoted where needed, CRLF line ends. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A CSV file as UTF-8 with a BOM, which is how Excel recognises UTF-8 (Chinese is garbled otherwise). */
export function csvBlob(rows: readonly (readonly CsvCell[])[]): Blob {
  return new Blob(['\uFEFF', csvText(rows)], { type: 'text/csv;charset=utf-8' });
}

/**
 * Saves a file the page holds (made here, or fetched with the user's token, which a plain link
 * could not send) through a temporary object URL.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; release it once they have.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name of a `Content-Disposition: attachment; filename="…"` answer, if it has one. */
export function attachmentName(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1].trim();
}
