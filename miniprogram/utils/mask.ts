// Personal data shown only to who needs it: names keep their first character, phones their first 3 and last 4.

export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

/** 91120110MA05******X8: keeps the registration authority and the check character. */
export const maskCreditCode = (code: string): string => (code.length === 18 ? `${code.slice(0, 8)}******${code.slice(14)}` : code);
