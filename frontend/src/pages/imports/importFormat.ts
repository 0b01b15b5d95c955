import { isApiProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import type { Translate } from '../../i18n/I18nProvider';
import { hasMessage, type MessageKey } from '../../i18n/messages';

export type CustomerImport = components['schemas']['CustomerImport'];
export type ImportIssue = components['schemas']['ImportIssue'];

/**
 * The columns the server reads, in the template's order: the English name (what the report calls the
 * column) and the Chinese header the server also accepts. Both are the file format, not UI words.
 */
export const IMPORT_COLUMNS = [
  { name: 'name', header: '姓名', required: true },
  { name: 'phone', header: '手机号', required: true },
  { name: 'gender', header: '性别', required: false },
  { name: 'birthDate', header: '出生日期', required: false },
  { name: 'source', header: '来源', required: false },
  { name: 'referrerPhone', header: '推荐人手机号', required: false },
  { name: 'tags', header: '标签', required: false },
  { name: 'firstVisitDate', header: '首次到店日期', required: false },
  { name: 'owner', header: '所属咨询师', required: false },
  { name: 'notes', header: '备注', required: false },
  { name: 'marketingConsent', header: '营销同意', required: false },
] as const;

/** The server's limit on a request body (quarkus.http.limits.max-body-size). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A column as the report names it, in words ("phone" → 手机号); an unknown one as it is. */
export function columnLabel(column: string, t: Translate): string {
  const key = `import.column.${column}`;
  return hasMessage(key) ? t(key) : column;
}

/**
 * The server's reasons are English sentences (the contract has no codes for them); the known ones
 * are said in the UI's language, with their numbers and values kept. Anything else shows as sent.
 */
const ISSUES: [RegExp, MessageKey, string[]][] = [
  [/^is required$/, 'import.issue.required', []],
  [/^is also on row (\d+) \(only that row is imported\)$/, 'import.issue.duplicateRow', ['row']],
  [/^is not a staff member of this chain/, 'import.issue.unknownOwner', []],
  [/^contains a control character$/, 'import.issue.controlCharacter', []],
  [/^must be a mainland number/, 'import.issue.phone', []],
  [/^is the customer's own phone$/, 'import.issue.ownPhone', []],
  [/^must be at most (\d+) characters$/, 'import.issue.tooLong', ['max']],
  [/^'(.*)' is not one of \[(.*)\]$/, 'import.issue.unknownValue', ['value', 'allowed']],
  [/^is in the future$/, 'import.issue.future', []],
  [/^is before 1900$/, 'import.issue.before1900', []],
  [/^must be a date such as/, 'import.issue.date', []],
  [/^has more than (\d+) tags$/, 'import.issue.tooManyTags', ['max']],
  [/^has a tag longer than 30 characters$/, 'import.issue.tagTooLong', []],
  [/^belongs to row (\d+), which is not imported$/, 'import.issue.referrerRowSkipped', ['row']],
  [/^is not a customer in this file or the chain$/, 'import.issue.referrerUnknown', []],
  [/^differs from the referrer already recorded/, 'import.issue.referrerDiffers', []],
  [/^would make a referral cycle/, 'import.issue.referralCycle', []],
];

export function issueText(message: string, t: Translate): string {
  return localized(ISSUES, message, t) ?? message;
}

/** Why the server could not read the file at all (a 400 on `file`), in the same way. */
const FILE_PROBLEMS: [RegExp, MessageKey, string[]][] = [
  [/^is empty$/, 'import.file.empty', []],
  [/^is neither UTF-8 nor GB18030 text$/, 'import.file.encoding', []],
  [/^has the column (\S+) twice$/, 'import.file.duplicateColumn', ['column']],
  [/^needs a header row .*; (\S+) is missing$/, 'import.file.missingColumn', ['column']],
  [/^has more than (\d+) rows/, 'import.file.tooManyRows', ['max']],
  [/^is not a CSV file this import can read/, 'import.file.notCsv', []],
];

/**
 * The file's problem in words when the error is a 400 about the file, else null (show it as any error). Every
 * import's files are read alike; `labelColumn` names its columns.
 */
export function fileProblem(error: unknown, t: Translate, labelColumn: (column: string) => string): string | null {
  if (!isApiProblem(error) || error.status !== 400) return null;
  const onFile = error.errors.find((e) => e.field === 'file');
  if (!onFile) return null;
  return localized(FILE_PROBLEMS, onFile.message, t, labelColumn) ?? onFile.message;
}

function localized(
  patterns: [RegExp, MessageKey, string[]][],
  message: string,
  t: Translate,
  labelColumn: (column: string) => string = (c) => columnLabel(c, t),
): string | undefined {
  for (const [pattern, key, names] of patterns) {
    const match = pattern.exec(message);
    if (!match) continue;
    const vars = Object.fromEntries(names.map((name, i) => [name, name === 'column' ? labelColumn(match[i + 1]) : match[i + 1]]));
    return t(key, vars);
  }
  return undefined;
}

/**
 * A file as an import's request body: its bytes as they are, which the server decodes (UTF-8, or GB18030 as
 * Chinese Excel saves); reading them as text here would spoil them. The schema types the body as a string, hence
 * the cast.
 */
export function csvBody(bytes: ArrayBuffer) {
  return {
    headers: { 'Content-Type': 'text/csv' },
    body: bytes as unknown as string,
    bodySerializer: (body: string) => body,
  };
}

/** Rows a commit writes (new and changed customers); unchanged and invalid rows write nothing. */
export function rowsToWrite(job: CustomerImport): number {
  return job.newRows + job.changedRows;
}
