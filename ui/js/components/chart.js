// The score per group as a horizontal bar chart, drawn in SVG by us.

import { html } from '../html.js';
import { t } from '../i18n.js';

/** rows: [{label, score (0-100 or null), detail}] */
export function barChart(rows, { title }) {
  const rowHeight = 34;
  const labelWidth = 300;
  const barWidth = 360;
  const height = rows.length * rowHeight + 30;
  const width = labelWidth + barWidth + 70;
  const bars = rows.map((r, i) => {
    const y = i * rowHeight + 8;
    const w = r.score === null ? 0 : Math.round((barWidth * r.score) / 100);
    const value = r.score === null ? t('review.no_score') : `${r.score}%`;
    return html`
      <g class="chart-row">
        <text x="${labelWidth - 10}" y="${y + 17}" text-anchor="end" class="chart-label">${r.label}</text>
        <rect x="${labelWidth}" y="${y + 2}" width="${barWidth}" height="22" rx="3" class="chart-track"></rect>
        <rect x="${labelWidth}" y="${y + 2}" width="${w}" height="22" rx="3" class="chart-bar"></rect>
        <text x="${labelWidth + barWidth + 8}" y="${y + 18}" class="chart-value">${value}</text>
      </g>`;
  });
  const ticks = [0, 25, 50, 75, 100].map((p) => {
    const x = labelWidth + (barWidth * p) / 100;
    return html`<line x1="${x}" x2="${x}" y1="6" y2="${height - 20}" class="chart-grid"></line>
      <text x="${x}" y="${height - 4}" text-anchor="middle" class="chart-tick">${p}%</text>`;
  });
  const summary = rows.map((r) => `${r.label}: ${r.score === null ? t('review.no_score') : `${r.score}%`}`).join('; ');
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}. ${summary}">
    ${ticks}${bars}</svg>`;
}
