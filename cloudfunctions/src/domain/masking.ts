// Personal data in lists is masked (SPEC.md): a name keeps its first character, a phone its first 3 and last 4.

export const maskName = (name: string): string => {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
};

export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
