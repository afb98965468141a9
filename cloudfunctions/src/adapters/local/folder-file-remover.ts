import { rmSync } from 'node:fs';
import type { FileRemover } from '../../ports/file-remover';
import type { FolderFiles } from './folder-files';

/** Removes a file of the local folder, by the path its id maps to. */
export class FolderFileRemover implements FileRemover {
  constructor(private readonly files: Pick<FolderFiles, 'pathOf'>) {}

  async remove(fileId: string): Promise<void> {
    rmSync(this.files.pathOf(fileId), { force: true });
  }
}
