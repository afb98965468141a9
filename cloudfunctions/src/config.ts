// Deployment settings, read once at the function's entry from environment variables, so another district
// can deploy the same code. Nothing here is a secret kept in the repository.

export interface AppConfig {
  officeName: string;
  district: string;
  /** Prefix of readable case numbers, e.g. DL-20260612-0007. */
  caseNumberPrefix: string;
  /** OPENIDs that are admins from the start (the first admin grants everyone else). */
  firstAdminOpenids: string[];
  /** True only in the local runtime: enables the dev identity header and demo data. */
  localMode: boolean;
}

export function configFromEnv(env: NodeJS.ProcessEnv): AppConfig {
  return {
    officeName: env.OFFICE_NAME ?? '东丽区行政审批局',
    district: env.DISTRICT_NAME ?? '天津市东丽区',
    caseNumberPrefix: env.CASE_NUMBER_PREFIX ?? 'DL',
    firstAdminOpenids: (env.FIRST_ADMIN_OPENIDS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    localMode: env.RVI_LOCAL === '1',
  };
}
