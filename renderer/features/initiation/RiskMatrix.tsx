import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowOf } from '../../../shared/records';
import { riskLevel } from '../../../shared/records/risk';
import { EChart } from '../../components/EChart';

const levelColour = { low: '#95de64', medium: '#ffd666', high: '#ff7875' } as const;

/**
 * The 5×5 risk matrix: likelihood across, impact up, each cell coloured by its level and
 * showing how many open risks sit there (closed ones are left out).
 */
export function RiskMatrix({ risks }: { risks: RowOf<'risks'>[] }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const counts = new Map<string, string[]>();
    for (const risk of risks) {
      if (risk.status === 'closed') continue;
      const key = `${risk.likelihood}-${risk.impact}`;
      counts.set(key, [...(counts.get(key) ?? []), risk.description]);
    }
    const cells = [];
    for (let likelihood = 1; likelihood <= 5; likelihood++) {
      for (let impact = 1; impact <= 5; impact++) {
        const names = counts.get(`${likelihood}-${impact}`) ?? [];
        const level = riskLevel({ likelihood: String(likelihood), impact: String(impact) } as never);
        cells.push({
          value: [likelihood - 1, impact - 1, names.length],
          names,
          itemStyle: { color: levelColour[level], opacity: names.length ? 1 : 0.35 },
        });
      }
    }
    return {
      tooltip: {
        formatter: (params: { data: { value: number[]; names: string[] } }) =>
          `${t('risk.likelihood')} ${params.data.value[0]! + 1} × ${t('risk.impact')} ${params.data.value[1]! + 1}<br/>${params.data.names.map(escapeHtml).join('<br/>') || '—'}`,
      },
      grid: { left: 70, right: 16, top: 16, bottom: 48 },
      xAxis: {
        type: 'category',
        name: t('risk.likelihood'),
        nameLocation: 'middle',
        nameGap: 30,
        data: ['1', '2', '3', '4', '5'],
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        name: t('risk.impact'),
        nameLocation: 'middle',
        nameGap: 40,
        data: ['1', '2', '3', '4', '5'],
        splitArea: { show: true },
      },
      series: [
        {
          type: 'heatmap',
          data: cells,
          label: {
            show: true,
            formatter: (p: { data: { value: number[] } }) => (p.data.value[2] ? String(p.data.value[2]) : ''),
            fontSize: 16,
            fontWeight: 'bold',
          },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
        },
      ],
    };
  }, [risks, t]);
  return (
    <Card size="small" title={t('risk.matrix')} style={{ marginBottom: 12, maxWidth: 560 }}>
      <EChart option={option} style={{ height: 300 }} testId="risk-matrix" />
      <div className="visually-hidden" data-testid="risk-matrix-cells">
        {risks
          .filter((r) => r.status !== 'closed')
          .map((r) => `${r.likelihood}×${r.impact}`)
          .sort()
          .join(' ')}
      </div>
    </Card>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
