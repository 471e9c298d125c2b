import { describe, expect, it } from 'vitest'
import { crc32, sheetXml, workbook } from './xlsx'

const text = (b: Uint8Array) => new TextDecoder().decode(b)

describe('the .xlsx writer', () => {
  it('computes the zip checksum', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
  })

  it('writes numbers as numbers and text (also text starting with =) as inline strings, never formulas', () => {
    const xml = sheetXml([['部门', '人数'], ['财政局', 12], ['=SUM(A1)', null]])
    expect(xml).toContain('<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">财政局</t></is></c><c r="B2"><v>12</v></c></row>')
    expect(xml).toContain('<c r="A3" t="inlineStr"><is><t xml:space="preserve">=SUM(A1)</t></is></c></row>')
    expect(xml).not.toContain('<f>')
  })

  it('is a zip holding the workbook parts', () => {
    const bytes = workbook('四种形态', [['a']])
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04])
    const all = text(bytes)
    for (const part of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', '<sheet name="四种形态"']) expect(all).toContain(part)
  })
})
