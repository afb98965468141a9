import { contentTypeOf, opensInline } from '../../../cloudfunctions/src/domain/file-type';
import { inModeWords, MODE_NAMES } from '../../../cloudfunctions/src/domain/inspection-mode';

// A stored file's content type from its name, and which types open in place; a text's wording for the case's mode.

test.each([
  ['evidence/c1/photo.JPG', 'image/jpeg'],
  ['a.jpeg', 'image/jpeg'],
  ['a.png', 'image/png'],
  ['archive/c1/踏勘档案.pdf', 'application/pdf'],
  ['clip.mp4', 'video/mp4'],
  ['note.m4a', 'audio/mp4'],
  ['export.csv', 'text/csv; charset=utf-8'],
  ['统计.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['a.tar.gz', 'application/octet-stream'],
  ['no-extension', 'application/octet-stream'],
  ['trailing.', 'application/octet-stream'],
  ['pdf', 'application/octet-stream'],
  ['a.pdf/readme', 'application/octet-stream'],
])('%s is stored as %s', (path, type) => {
  expect(contentTypeOf(path)).toBe(type);
});

test.each([
  ['image/jpeg', true],
  ['image/png', true],
  ['image/webp', true],
  ['image/bmp', true],
  ['application/pdf', true],
  ['image/svg+xml', false],
  ['text/html', false],
  ['text/plain; charset=utf-8', false],
  ['application/pdfx', false],
  ['ximage/png', false],
  ['image/pngx', false],
  ['xapplication/pdf', false],
  ['application/octet-stream', false],
])('%s opens in place: %s', (type, inline) => {
  expect(opensInline(type)).toBe(inline);
});

test('a text written for the remote path reads as on-site for an on-site case, unchanged for a remote one', () => {
  const text = '您的远程视频踏勘已预约；视频踏勘开始前请保持网络畅通。远程视频踏勘结束后…';
  expect(inModeWords('onsite', text)).toBe('您的现场踏勘已预约；现场踏勘开始前请保持网络畅通。现场踏勘结束后…');
  expect(inModeWords('remote', text)).toBe(text);
  expect(MODE_NAMES).toEqual({ remote: '远程视频踏勘', onsite: '现场踏勘' });
});
