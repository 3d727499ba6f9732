import * as z from 'zod';
import { AgencyGroup, Code } from './common.ts';

/** An agency assessed in a campaign: a department, a (legacy) district or a commune/ward. */
export const Agency = z.strictObject({
  code: Code,
  name: z.string().trim().min(1).max(300),
  group: AgencyGroup,
  /** The district a commune belongs to in the three-tier model; null otherwise. */
  parent: Code.nullable().default(null),
});
export type Agency = z.infer<typeof Agency>;

/**
 * Where an agency stands in the cycle (Home Affairs' view). The order is the order of the cycle.
 */
export const AGENCY_STATUSES = [
  'not_submitted', // chưa nộp
  'submitted', // đã nộp
  'appraising', // đang thẩm định
  'appraised_1', // đã thẩm định lần 1
  'explained', // đã giải trình
  'appraised_2', // đã thẩm định lần 2
  'locked', // đã chốt
] as const;
export const AgencyStatus = z.enum(AGENCY_STATUSES);
export type AgencyStatus = z.infer<typeof AgencyStatus>;
