import type { Customer } from '../../api/queries';

export type MergeField =
  | 'name'
  | 'phone'
  | 'gender'
  | 'birthDate'
  | 'occupation'
  | 'incomeBand'
  | 'city'
  | 'address'
  | 'source'
  | 'ownerStaffId'
  | 'homeClinicId'
  | 'referrer'
  | 'tags'
  | 'notes'
  | 'marketingConsent'
  | 'firstVisitAt'
  | 'firstPurchaseAt'
  | 'lastVisitAt';

export interface MergeRow {
  field: MergeField;
  survivor: unknown;
  duplicate: unknown;
  result: unknown;
  /** The result takes something from the duplicate (a blank filled, tags or notes added, a date moved). */
  fromDuplicate: boolean;
}

const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function earlier(a?: string | null, b?: string | null): string | null | undefined {
  if (!a || !b) return a || b;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

function later(a?: string | null, b?: string | null): string | null | undefined {
  if (!a || !b) return a || b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * What the survivor will hold after merging the duplicate into her, by the rules of
 * POST /customers/{id}/merge: she keeps her values and fills her blanks from the duplicate, tags
 * unite, the duplicate's notes are appended, the earliest first visit and purchase and the latest visit
 * win. The referrer is previewed one level deep only (the server also looks further up the tree).
 */
export function mergePreview(survivor: Customer, duplicate: Customer): MergeRow[] {
  const kept = (field: MergeField, value: unknown, other: unknown): MergeRow => ({
    field,
    survivor: value,
    duplicate: other,
    result: value,
    fromDuplicate: false,
  });
  const filled = (field: MergeField, value: unknown, other: unknown): MergeRow => {
    const takes = blank(value) && !blank(other);
    return { field, survivor: value, duplicate: other, result: takes ? other : value, fromDuplicate: takes };
  };
  type Time = string | null | undefined;
  const picked = (field: MergeField, value: Time, other: Time, result: Time): MergeRow => ({
    field,
    survivor: value,
    duplicate: other,
    result,
    fromDuplicate: (result ?? null) !== (value ?? null),
  });

  const tags = [...new Set([...survivor.tags, ...duplicate.tags])];
  const notes =
    !duplicate.notes || duplicate.notes === survivor.notes
      ? survivor.notes
      : survivor.notes
        ? `${survivor.notes}\n${duplicate.notes}`
        : duplicate.notes;
  // She takes the duplicate's place when she has no referrer, or when the duplicate was her referrer;
  // never with herself as her own referrer.
  const inheritsReferrer = !survivor.referrer || survivor.referrer.customerId === duplicate.id;
  const inherited = duplicate.referrer?.customerId === survivor.id ? null : duplicate.referrer;
  const referrer = inheritsReferrer ? (inherited ?? null) : survivor.referrer;

  return [
    kept('name', survivor.name, duplicate.name),
    kept('phone', survivor.phone, duplicate.phone),
    filled('gender', survivor.gender, duplicate.gender),
    filled('birthDate', survivor.birthDate, duplicate.birthDate),
    filled('occupation', survivor.occupation, duplicate.occupation),
    filled('incomeBand', survivor.incomeBand, duplicate.incomeBand),
    filled('city', survivor.city, duplicate.city),
    filled('address', survivor.address, duplicate.address),
    kept('source', survivor.source, duplicate.source),
    filled('ownerStaffId', survivor.ownerStaffId, duplicate.ownerStaffId),
    filled('homeClinicId', survivor.homeClinicId, duplicate.homeClinicId),
    {
      field: 'referrer',
      survivor: survivor.referrer,
      duplicate: duplicate.referrer,
      result: referrer,
      fromDuplicate: (referrer?.customerId ?? null) !== (survivor.referrer?.customerId ?? null),
    },
    { field: 'tags', survivor: survivor.tags, duplicate: duplicate.tags, result: tags, fromDuplicate: tags.length > survivor.tags.length },
    { field: 'notes', survivor: survivor.notes, duplicate: duplicate.notes, result: notes, fromDuplicate: notes !== survivor.notes },
    kept('marketingConsent', survivor.marketingConsent.granted, duplicate.marketingConsent.granted),
    picked('firstVisitAt', survivor.firstVisitAt, duplicate.firstVisitAt, earlier(survivor.firstVisitAt, duplicate.firstVisitAt)),
    picked('firstPurchaseAt', survivor.firstPurchaseAt, duplicate.firstPurchaseAt, earlier(survivor.firstPurchaseAt, duplicate.firstPurchaseAt)),
    picked('lastVisitAt', survivor.lastVisitAt, duplicate.lastVisitAt, later(survivor.lastVisitAt, duplicate.lastVisitAt)),
  ];
}
