/**
 * A one-page PDF fact sheet written by hand (PDF 1.4, the standard Helvetica fonts, no
 * embedding), so the press kit has a document as well as images without another dependency.
 */

/** The standard fonts use WinAnsi; keep to ASCII and escape PDF string delimiters. */
const pdfString = (s: string) =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2122/g, '(TM)')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[\\()]/g, (ch) => `\\${ch}`)

const wrap = (text: string, width: number): string[] => {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines
}

export type FactSheet = { title: string; paragraphs: string[]; bullets?: string[]; footer: string }

export const factSheetPdf = ({ title, paragraphs, bullets = [], footer }: FactSheet): Buffer => {
  const ops: string[] = ['BT', '/F2 18 Tf', '56 736 Td', '22 TL']
  for (const l of wrap(title, 52)) ops.push(`(${pdfString(l)}) Tj`, 'T*')
  ops.push('/F1 11 Tf', '15 TL', 'T*')
  for (const p of paragraphs) {
    for (const l of wrap(p, 86)) ops.push(`(${pdfString(l)}) Tj`, 'T*')
    ops.push('T*')
  }
  for (const b of bullets) {
    wrap(b, 82).forEach((l, i) => ops.push(`(${pdfString(`${i === 0 ? '-' : ' '}  ${l}`)}) Tj`, 'T*'))
  }
  ops.push('ET', 'BT', '/F1 8 Tf', '56 40 Td', `(${pdfString(footer)}) Tj`, 'ET')
  const content = ops.join('\n')

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title (${pdfString(title)}) /Producer (Partner Newsroom demo seeder) >>`,
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
