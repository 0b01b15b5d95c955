import type { components } from '../../api/schema';

export type ItemCategory = components['schemas']['ItemCategory'];

/** In the order of the seed's ladder: skin care opens the door to injections, then minimally invasive, then surgery. */
export const ITEM_CATEGORIES: ItemCategory[] = ['SKIN', 'INJECTION', 'MINIMALLY_INVASIVE', 'SURGERY', 'OTHER'];
