// ss's column layout (iproute2 misc/ss.c render_calc_width/render, v6.8 to v6.19): without a terminal and without
// $COLUMNS the screen width is unknown, so the output is compact: each column as wide as its widest cell plus its
// left delimiter, right-aligned addresses, and left-aligned cells padded even in the last column (v7.0 drops that).

export interface SsColumn { header: string; align: 'left' | 'right'; ldelim: string }

/** Renders `rows` (one cell per column, the trailing empty "ext" column included) under an optional header line. */
export function renderSsColumns(columns: SsColumn[], rows: string[][], header: boolean): string {
  const lines = header ? [columns.map((c, i) => (i === columns.length - 1 ? '' : c.header)), ...rows] : rows
  if (!lines.length) return ''
  let first = true
  const widths = columns.map((c, i) => {
    const max = Math.max(...lines.map((l) => l[i].length))
    const width = !first && max ? max + c.ldelim.length : max
    if (width) first = false
    return width
  })
  return lines.map((cells) => cells.map((cell, i) => {
    const c = columns[i]
    let text = i === 0 ? '' : c.ldelim
    if (widths[i] && c.align === 'right') text += ' '.repeat(Math.max(0, widths[i] - cell.length - text.length))
    text += cell
    if (widths[i] && c.align === 'left') text += ' '.repeat(Math.max(0, widths[i] - text.length))
    return text
  }).join('') + '\n').join('')
}
