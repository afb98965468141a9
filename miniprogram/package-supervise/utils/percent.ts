/** A share 0–1 as '37.5%'; '—' when there is nothing to divide. */
export const percentText = (share: number | null): string => (share === null ? '—' : `${+(share * 100).toFixed(1)}%`);

/** A share in whole basis points (1 bp = 0.01%) as '57%' or '12.34%'. */
export const basisPointsText = (bp: number): string => `${Math.floor(bp / 100)}${bp % 100 ? `.${String(bp % 100).padStart(2, '0').replace(/0$/, '')}` : ''}%`;
