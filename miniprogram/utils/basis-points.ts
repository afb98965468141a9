/** A share in whole basis points (1 bp = 0.01%) as '57%' or '12.34%', computed in integers. */
export const basisPointsText = (bp: number): string =>
  `${Math.floor(bp / 100)}${bp % 100 ? `.${String(bp % 100).padStart(2, '0').replace(/0$/, '')}` : ''}%`;
