// Where the supervision notices open in the Mini Program (the supervise subpackage; cases open on the case page
// every party with a relation to the case may read).

export const SUPERVISE_PAGES = {
  draw: (month: string) => `/package-supervise/pages/draw/draw?month=${month}`,
  finding: (findingId: string) => `/package-supervise/pages/finding/finding?id=${findingId}`,
  case: (caseId: string) => `/pages/case-detail/case-detail?id=${caseId}`,
  observe: (caseId: string) => `/package-supervise/pages/observe/observe?id=${caseId}`,
  credit: '/pages/credit/credit',
} as const;
