/**
 * Advisory lock key for a lock name: the first 8 bytes of sha256(name) as a
 * signed 64-bit integer. Computed here (not with hashtextextended in SQL) so
 * BEGIN and the lock go to the server in one round trip as a literal.
 */
import { createHash } from 'node:crypto';

export function lockKey(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest().readBigInt64BE(0).toString();
}
