import type { AccessRow } from '../../utils/file-access';

// Who opened the case's files (R13), newest first; an empty list says so.
Component({
  properties: {
    rows: { type: Array, value: [] as AccessRow[] },
    emptyText: { type: String, value: '暂无查阅记录' },
  },
});
