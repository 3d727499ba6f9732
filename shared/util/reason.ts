/**
 * Plain-language reasons for a failure, instead of a library's English words: an issue carries
 * `detail: <reason code>` (and the numbers the reason names), and formatIssue renders it with the
 * `reason.<code>` message. A detail that is no reason code (a library message that slipped
 * through) is never shown to the user; the technician's log has it (PARSCORE_DEBUG=1).
 */
import type * as z from 'zod';
import type { IssueParams } from './issue.ts';

/** Error codes of the file system that have a reason message (the rest read as "other"). */
export const ERRNO_REASONS: ReadonlySet<string> = new Set([
  'ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EBUSY', 'EMFILE', 'ENAMETOOLONG', 'EEXIST', 'EIO',
]);

/** zod's issue as a reason code and the limit it names. */
export function zodReason(zi: z.core.$ZodIssue): IssueParams {
  switch (zi.code) {
    case 'invalid_type': {
      // zod 4 keeps the input out of its issues; a missing value is told by its message.
      if (zi.input === undefined && /received undefined$/.test(zi.message)) return { detail: 'required' };
      const expected = String(zi.expected);
      return ['number', 'string', 'boolean', 'object', 'array', 'int', 'integer'].includes(expected) ? { detail: `expected_${expected === 'int' ? 'integer' : expected}` } : { detail: 'invalid' };
    }
    case 'too_big':
      return { detail: zi.origin === 'string' ? 'too_long' : zi.origin === 'array' || zi.origin === 'set' ? 'too_many' : 'too_big', limit: Number(zi.maximum) };
    case 'too_small':
      if (zi.origin === 'string' && Number(zi.minimum) === 1) return { detail: 'empty' };
      return { detail: zi.origin === 'string' ? 'too_short' : zi.origin === 'array' || zi.origin === 'set' ? 'too_few' : 'too_small', limit: Number(zi.minimum) };
    case 'invalid_value':
      return { detail: 'not_allowed' };
    case 'invalid_format':
      return { detail: 'bad_format' };
    case 'unrecognized_keys':
      return { detail: 'unknown_field' };
    case 'not_multiple_of':
      return { detail: 'not_multiple' };
    default:
      return { detail: 'invalid' };
  }
}
