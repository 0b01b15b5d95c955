import type { FormInstance } from 'antd';
import type { ApiProblem, FieldError } from './problem';

type Path = (string | number)[];

function toPath(field: string): Path {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s.length > 0)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function endsWith(path: Path, suffix: Path): boolean {
  if (suffix.length > path.length) return false;
  const offset = path.length - suffix.length;
  return suffix.every((s, i) => String(path[offset + i]) === String(s));
}

/**
 * Finds the form field a server `errors[].field` names. Server paths may carry prefixes
 * (`createClinic.body.code`) or indices (`clinicIds[0]`); the longest known field that is a
 * suffix of the path (after dropping trailing indices) wins.
 */
export function matchField(field: string, known: Path[]): Path | undefined {
  let path = toPath(field);
  const byLength = [...known].sort((a, b) => b.length - a.length);
  while (path.length > 0) {
    const hit = byLength.find((k) => endsWith(path, k));
    if (hit) return hit;
    if (typeof path[path.length - 1] === 'number') path = path.slice(0, -1);
    else break;
  }
  return undefined;
}

/**
 * Shows a problem's `errors[]` on the matching antd Form fields. Returns the errors that match
 * no field, for the form's alert.
 */
export function applyProblemToForm(
  form: FormInstance,
  problem: ApiProblem,
  fields: (string | Path)[],
): FieldError[] {
  const known = fields.map((f) => (Array.isArray(f) ? f : [f]));
  const grouped = new Map<string, { name: Path; errors: string[] }>();
  const unmatched: FieldError[] = [];
  for (const error of problem.errors) {
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
