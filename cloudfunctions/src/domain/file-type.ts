// The content type of a stored file, from its name, as object storage records it. Only types the Mini Program
// uploads or the functions write are named; anything else is bytes to download.

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp',
  pdf: 'application/pdf', mp4: 'video/mp4', mov: 'video/quicktime', mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac',
  wav: 'audio/wav', csv: 'text/csv; charset=utf-8', txt: 'text/plain; charset=utf-8',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const contentTypeOf = (path: string): string => TYPES[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/** Raster images and PDFs open in place; everything else (an HTML page named .txt included) only downloads. */
export const opensInline = (contentType: string): boolean => /^image\/(jpeg|png|gif|webp|bmp)$|^application\/pdf$/.test(contentType);
