import { AppError } from '../api/errors';

// Integrity from the phone (R4): the Mini Program hashes a live photo or a recording where it was captured and
// sends that SHA-256 with the evidence. The cloud hashes the stored bytes itself; the two must agree, or the file
// changed between the phone and the storage and is refused. Whatever computes the cloud's hash (in one pass now, in
// resumable steps for large files later) calls this once it has it.

/** Refuses the evidence when the phone's hash differs from the cloud's; no hash from the phone is nothing to compare. */
export function matchClientHash(clientSha256: string | null | undefined, serverSha256: string): void {
  if (!clientHashMatches(clientSha256, serverSha256)) {
    throw new AppError('VALIDATION', '文件在上传途中发生了变化（手机上的校验值与云端不一致），未加入证据，请重新上传');
  }
}

/** Whether the phone's hash, if it sent one, is the cloud's. */
export function clientHashMatches(clientSha256: string | null | undefined, serverSha256: string): boolean {
  return !clientSha256 || clientSha256 === serverSha256;
}
