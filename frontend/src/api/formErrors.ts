import type { FormInstance } from 'antd';
import type { FieldError } from './problem';

type Path = (string | number)[];
/** A form field as antd names it: `'code'` or `['admin', 'username']`. */
export type FieldPath = string | Path;

function toPath(field: string): Path {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s.length > 0)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function same(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((s, i) => String(s) === String(b[i]));
}

/**
 * Finds the form field a server `errors[].field` names. The server sends plain JSON paths (`code`,
 * `admin.username`, `clinicIds[0]`, `body`); a trailing index names an element of a list field, so
 * `clinicIds[0]` is shown on `clinicIds`. A path that names no field of the form (`body`) is not
 * matched, and goes to the form's alert.
 */
export function matchField(field: string, known: Path[]): Path | undefined {
  let path = toPath(field);
  while (path.length > 0) {
    const hit = known.find((k) => same(path, k));
    if (hit) return hit;
    if (typeof path[path.length - 1] !== 'number') return undefined;
    path = path.slice(0, -1);
  }
  return undefined;
}

/**
 * Shows field errors (a problem's `errors[]`) on the matching antd Form fields. Returns the errors
 * that match no field, for the form's alert.
 */
export function applyProblemToForm(form: FormInstance, errors: FieldError[], fields: FieldPath[]): FieldError[] {
  const known = fields.map((f) => (Array.isArray(f) ? f : [f]));
  const grouped = new Map<string, { name: Path; errors: string[] }>();
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const name = matchField(error.field, known);
    if (!name) {
      unmatched.push(error);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = grouped.get(key) ?? { name, errors: [] };
    entry.errors.push(error.message);
    grouped.set(key, entry);
  }
  form.setFields([...grouped.values()]);
  return unmatched;
}
