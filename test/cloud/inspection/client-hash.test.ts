import { AppError } from '../../../cloudfunctions/src/api/errors';
import { clientHashMatches, matchClientHash } from '../../../cloudfunctions/src/application/client-hash';

// The phone's hash of a capture against the cloud's (R4): equal, or absent, passes; anything else is refused.

const CLOUD = 'a'.repeat(64);

test('no hash from the phone, or the same one, passes', () => {
  for (const sent of [undefined, null, '', CLOUD]) {
    expect(clientHashMatches(sent, CLOUD)).toBe(true);
    expect(() => matchClientHash(sent, CLOUD)).not.toThrow();
  }
});

test('another hash is refused with a message the uploader understands', () => {
  expect(clientHashMatches('b'.repeat(64), CLOUD)).toBe(false);
  let error: unknown;
  try {
    matchClientHash('b'.repeat(64), CLOUD);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect([(error as AppError).code, (error as AppError).message]).toEqual(['VALIDATION', '文件在上传途中发生了变化（手机上的校验值与云端不一致），未加入证据，请重新上传']);
});
