import { randomBytes, randomUUID } from 'node:crypto';

export interface Ids {
  /** A fresh unique id for a new document. */
  next(): string;
  /** Random bytes for one-time codes and invite tokens. */
  randomHex(bytes: number): string;
}

export const randomIds: Ids = {
  next: () => randomUUID().replace(/-/g, ''),
  randomHex: (bytes) => randomBytes(bytes).toString('hex'),
};
