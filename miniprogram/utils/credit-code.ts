// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet without I, O, Z, S, V;
// the last is a check character over the first 17 with weights 3^i mod 31. The server checks again.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when one of them is not in the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * What is wrong with a credit code, in Chinese, or '' when it is right.
 * `typing`: the user is still typing, so a code that is only too short is not an error yet.
 */
export function creditCodeError(raw: string, typing = false): string {
  const code = raw.trim().toUpperCase();
  if (!code) return typing ? '' : '请填写统一社会信用代码';
  const bad = Array.from(code).find((c) => ALPHABET.indexOf(c) < 0);
  if (bad) return `含有无效字符“${bad}”（代码中不使用 I、O、Z、S、V）`;
  if (code.length < 18) return typing ? '' : `应为18位，当前${code.length}位`;
  if (code.length > 18) return `应为18位，当前${code.length}位`;
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17) ? '' : '校验位不正确，请核对营业执照上的代码';
}
