import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { REFERENCE_ALPHABET, referenceOf } from '../../src/contract/common.js';

export const newId = (): string => randomUUID();

/** A testimony reference a citizen can read aloud: `SPP-7K3F-9QXM`. 40 random bits. */
export function newReference(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (let i = 0; i < 8; i++) out += REFERENCE_ALPHABET[bytes[i]! & 31];
  return referenceOf(out);
}

/** The private tracking token handed to the author once; only its hash is kept. */
export const newToken = (): string => randomBytes(24).toString('base64url');

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export const nowIso = (): string => new Date().toISOString();
