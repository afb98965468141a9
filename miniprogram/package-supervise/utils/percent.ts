/** A share 0–1 as '37.5%'; '—' when there is nothing to divide. */
export const percentText = (share: number | null): string => (share === null ? '—' : `${+(share * 100).toFixed(1)}%`);

