import type { PageReport } from './types'

/** Rows as columns padded to their widest cell; the last column is not padded. */
const columns = (rows: string[][]) => {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows.map((row) =>
    row.map((cell, column) => (column == row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '),
  )
}

/** A page's report as people read it: its findings in a table, then what was not recognised. */
export const formatReport = (report: PageReport): string => {
  const lines = [
    `${report.url}  (Consentry: ${report.consentry ? 'yes' : 'no'}; phases: ${report.phases.map((phase) => phase.name).join(', ')})`,
  ]
  if (report.findings.length == 0) lines.push('  no findings: nothing tracks before consent or after Reject all')
  else {
    lines.push(`  ${report.findings.length} finding${report.findings.length == 1 ? '' : 's'}:`)
    const rows = [['phase', 'kind', 'name', 'category', 'vendor', 'what to do']]
    for (const finding of report.findings) {
      rows.push([finding.phase, finding.kind, finding.name, finding.category, finding.vendor ?? '', finding.advice])
    }
    for (const line of columns(rows)) lines.push(`  ${line}`)
  }
  if (report.unclassified.length) {
    lines.push(`  unclassified (${report.unclassified.length}):`)
    for (const item of report.unclassified) lines.push(`  ${item.phase}  ${item.kind}  ${item.name}`)
  }
  return lines.join('\n')
}
