// The security rules, in exactly the JSON the CloudBase console's 自定义安全规则 box and the management API
// (ModifySafeRule / ModifyStorageSafeRule, whose `Rule` is this object as a JSON string) take. `npm run build`
// writes them to deploy/*.json for pasting into the console; `npm run deploy` sets them itself.

/** Rule language values: a boolean, or one expression (comparisons, `in`, `!`, `&&`, `||`, `.`, `[]`, regex `.test()`). */
export interface SecurityRule {
  read: boolean | string;
  write: boolean | string;
}

/**
 * Every collection: no client reads or writes. The Mini Program reaches data only through the `api` function,
 * which authorizes each call from the caller's OPENID; functions and the console are not bound by the rule.
 */
export const DATABASE_RULE: SecurityRule = { read: false, write: false };

/** Where the Mini Program uploads: `uploads/<own openid>/…`. */
export const CLIENT_UPLOAD_PATH = /^uploads\/[A-Za-z0-9_-]+\//;

/**
 * Storage: a client may create files it then owns, only under uploads/, and read nothing; downloads are temporary
 * links the `api` function hands out after its own access check. The rule language has no string methods and no
 * `+`, so "under the caller's own folder" cannot be written; `resource.openid == auth.openid` (WeChat's documented
 * owner field) makes every client-written file the writer's, and the regex (CloudBase's documented `resource.path`
 * with a regex literal, compared with `== true` as the docs require) keeps clients out of the folders the functions
 * write. The functions check the openid segment of the path themselves before using an upload.
 */
export const STORAGE_RULE: SecurityRule = {
  read: false,
  write: `resource.openid == auth.openid && ${String(CLIENT_UPLOAD_PATH)}.test(resource.path) == true`,
};

/**
 * The storage rule as the platform evaluates it, for the local Files adapter to enforce the same thing: a client
 * write is allowed only for a file it owns (a new file is owned by its writer) at a path the regex accepts.
 */
export function storageWriteAllowed(write: { callerOpenid: string | null; ownerOpenid: string | null; path: string }): boolean {
  if (!write.callerOpenid) return false;
  const owner = write.ownerOpenid ?? write.callerOpenid;
  return owner === write.callerOpenid && CLIENT_UPLOAD_PATH.test(write.path);
}
