import type { ActionContext } from '../api/context';
import type { Material } from '../domain/case';
import { contentTypeOf } from '../domain/file-type';
import { sha256OfStream } from '../domain/stream-hash';

// What the office accepted stays as accepted: the applicant's uploads live in `uploads/<openid>/`, which the
// applicant may overwrite (CloudBase replaces silently), so on apply, resubmit and rectification proof each file is
// copied into the case's own folder, which no user can write, and hashed by streaming. The case, the review page,
// the evidence chain and the archive refer to the copy.

const safeName = (name: string): string => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-80);

/**
 * Copies each checked upload into `cases/<caseId>/<folder>/` and records name, size, type and SHA-256 of the copy.
 * Each copy has a path of its own (time and a random part), so a retried save makes another copy, never overwrites.
 */
export async function freezeUploads(ctx: ActionContext, caseId: string, folder: 'materials' | 'proofs', uploads: Material[]): Promise<Material[]> {
  const frozen: Material[] = [];
  for (const upload of uploads) {
    const path = `cases/${caseId}/${folder}/${ctx.now.getTime()}-${ctx.ids.randomHex(4)}-${safeName(upload.name)}`;
    const copy = await ctx.files.copy(upload.fileId, path);
    const { sha256, size } = await sha256OfStream(await ctx.files.read(copy.fileId));
    frozen.push({ fileId: copy.fileId, name: upload.name, size, type: contentTypeOf(upload.name), sha256, uploadedAt: upload.uploadedAt });
  }
  return frozen;
}
