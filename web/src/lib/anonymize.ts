/**
 * The anonymized text of a typical-case notice, as the preview proposes it: what discipline-service refuses in a notice
 * (a roster member's name, a national ID number, a mobile number; its Anonymization) replaced the way such notices are
 * written (张三 → 张某某). The service still decides; this only shows the author what would be refused and a way out.
 */
export type IdentifierKind = 'nationalId' | 'phone' | 'memberName'
export const IDENTIFIER_KINDS: Record<IdentifierKind, string> = { nationalId: '身份证号', phone: '手机号', memberName: '党员姓名' }
export interface Finding { kind: IdentifierKind; found: string; replacement: string }

const NATIONAL_ID = /\d{17}[\dXx]/g
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g

export function anonymize(text: string, memberNames: readonly string[]): { text: string; findings: Finding[] } {
  const findings: Finding[] = []
  const replace = (kind: IdentifierKind, pattern: RegExp, replacement: (s: string) => string) => {
    text = text.replace(pattern, (s) => {
      const r = replacement(s)
      findings.push({ kind, found: s, replacement: r })
      return r
    })
  }
  replace('nationalId', NATIONAL_ID, () => '（身份证号已隐去）')
  replace('phone', MOBILE, () => '（手机号已隐去）')
  // longer names first, so 王小明 is not left as 王某某明 by a member called 王小
  for (const name of [...new Set(memberNames)].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length)) {
    if (text.includes(name)) replace('memberName', new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), (s) => `${s[0]}某某`)
  }
  return { text, findings }
}
