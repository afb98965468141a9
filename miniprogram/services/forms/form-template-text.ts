import { uploadOwnFile } from '../upload/upload-own-file';

/** WeChat keeps a callFunction payload under 100 KB: a text this long travels as an uploaded file instead. */
export const INLINE_TEXT_LIMIT = 80 * 1024;

/** UTF-8 bytes of a text, without TextEncoder (not every Mini Program base library has it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * The form's body as the publish and preview actions take it: the paragraphs in the call, or for a long text an
 * uploaded UTF-8 file (one paragraph per line) and its file id.
 */
export async function formTemplateBody(paragraphs: string[]): Promise<{ paragraphs: string[] } | { textFileId: string }> {
  const text = paragraphs.join('\n');
  const size = utf8Length(text);
  if (size <= INLINE_TEXT_LIMIT) return { paragraphs };
  const path = `${wx.env.USER_DATA_PATH}/form-template.txt`;
  await new Promise<void>((resolve, reject) =>
    wx.getFileSystemManager().writeFile({ filePath: path, data: text, encoding: 'utf8', success: () => resolve(), fail: reject }));
  return { textFileId: await uploadOwnFile('formTemplate', { path, name: 'form-template.txt', size }) };
}
