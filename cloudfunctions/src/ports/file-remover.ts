/**
 * Removes stored files: only the pdf function's sweep of orphaned renderings uses it (issue 11), so it is a port of
 * its own beside Files, which never deletes.
 */
export interface FileRemover {
  /** Removes the file; a file already gone is not an error. */
  remove(fileId: string): Promise<void>;
}
