import * as z from 'zod';
import { HASH_PATTERN, MONTH_PATTERN } from './monthly-draw';

const entrySchema = z.object({ id: z.string(), number: z.string(), matterCode: z.string(), decidedAt: z.string() });

/** Shape of a stored draw record (e.g. read back from the database); verifyDraw (monthly-draw.ts) checks its content. */
export const drawRecordSchema = z.object({
  algorithmVersion: z.string(),
  month: z.string().regex(MONTH_PATTERN),
  shareBasisPoints: z.number().int(),
  population: z.array(entrySchema),
  populationHash: z.string().regex(HASH_PATTERN),
  previousDrawHash: z.string().regex(HASH_PATTERN),
  seed: z.string().regex(HASH_PATTERN),
  minimumSample: z.number().int().nonnegative(),
  allocation: z.array(z.object({ matterCode: z.string(), cases: z.number().int(), drawn: z.number().int() })),
  selectedIds: z.array(z.string()),
  drawHash: z.string().regex(HASH_PATTERN),
});
