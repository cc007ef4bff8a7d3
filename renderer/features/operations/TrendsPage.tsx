import { Alert, Card, Col, Empty, List, Row, Select, Space, Typography } from 'antd';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { detectDrift, metricText, parseMetricNumber } from '../../../shared/operations';
import type { RowOf } from '../../../shared/records';
import { useServices } from '../../app/services';
import { assetHistory, completionByDay } from './patrol-queries';
import { EChart } from '../../components/EChart';
import { metricDefsFor } from '../../../shared/operations';
import { addDays, todayIn } from '../../../shared/date-time';
import { MonthInput } from '../../components/date-inputs';
import { useProjectTimeZone } from '../projects/use-project-time';
import { naturalCompare } from '../../../shared/natural-compare';

const ranges = { weeks: 56, months: 183, year: 366 } as const;

/**
 * History of the patrol: one asset's metric over weeks or months with its thresholds drawn in,
 * the plan's completion by day, and baseline drift — readings that differ from the asset's
 * signed baseline inspection.
 */
export function TrendsPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db } = useServices();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const today = todayIn(useProjectTimeZone());
  const [assetId, setAssetId] = useState<string>();
  const [metricKey, setMetricKey] = useState<string>();
  const [range, setRange] = useState<keyof typeof ranges>('weeks');
  const [planId, setPlanId] = useState<string>();
  const [month, setMonth] = useState(today.slice(0, 7));

  const base = useLiveQuery(async () => {
    const [assets, design, plans] = await Promise.all([
      db.assets.where('[live+name]').between([project.id, Dexie.minKey], [project.id, Dexie.maxKey]).toArray(),
      db.serviceDesign.get(project.id),
      db.patrolPlans
        .where('projectId')
        .equals(project.id)
        .filter((p) => !p.deleted)
        .toArray(),
    ]);
    return { assets, design: design ?? null, plans };
  }, [project.id]);
  const asset = base?.assets.find((a) => a.id === assetId) ?? null;
  const defs = useMemo(() => (asset ? metricDefsFor(asset.type, base?.design ?? null) : []), [asset, base?.design]);
  const def = defs.find((d) => d.key === metricKey) ?? defs.find((d) => d.kind !== 'status') ?? defs[0];
  // Drift names a metric by its label where the asset's metrics know it, not by its internal key.
  const metricLabelOf = (key: string) => metricText(defs.find((d) => d.key === key)?.label ?? key, lang);

  // An asset's history is one row per round: a year is a few hundred rows through [assetId+date].
  const history = useLiveQuery(
    async () => (asset ? assetHistory(db, asset.id, addDays(today, -ranges[range])) : []),
    [asset?.id, range, today],
  );
  const drift = useLiveQuery(async () => {
    if (!asset) return null;
    const inspections = (await db.inspections.where('assetId').equals(asset.id).toArray()).filter(
      (i) => i.status === 'signed' && !i.deleted,
    );
    const latestSigned = inspections.sort((a, b) => b.signedAt.localeCompare(a.signedAt))[0];
    if (!latestSigned) return { baseline: null, drifts: [] };
    const template = await db.checklistTemplates.get(latestSigned.templateId);
    const results = await db.inspectionResults.where('inspectionId').equals(latestSigned.id).toArray();
    const baseline: Record<string, string | number> = {};
    for (const result of results) {
      const key = template?.items.find((i) => i.id === result.itemId)?.parser.trim();
      if (key && (typeof result.value === 'string' || typeof result.value === 'number')) baseline[key] = result.value;
    }
    const latest = (history ?? []).sort((a, b) => b.date.localeCompare(a.date))[0];
    return {
      baseline: latestSigned,
      drifts: latest
        ? detectDrift(baseline, Object.fromEntries(Object.entries(latest.readings).map(([k, r]) => [k, r.value])))
        : [],
    };
  }, [asset?.id, history]);

  const chart = useMemo(() => {
    if (!def || def.kind === 'status') return null;
    const points = (history ?? [])
      .map((entry) => ({ date: entry.date, value: parseMetricNumber(entry.readings[def.key]?.value ?? null) }))
      .filter((p): p is { date: string; value: number } => p.value !== null)
      .sort((a, b) => a.date.localeCompare(b.date));
    const lines = [
      ...(def.warning !== null
        ? [{ yAxis: def.warning, name: t('operations.level.warning'), lineStyle: { color: '#faad14' } }]
        : []),
      ...(def.critical !== null
        ? [{ yAxis: def.critical, name: t('operations.level.critical'), lineStyle: { color: '#ff4d4f' } }]
        : []),
    ];
    return {
      points,
      option: {
        tooltip: { trigger: 'axis' },
        grid: { left: 56, right: 56, top: 24, bottom: 40 },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', name: metricText(def.unit, lang) },
        dataZoom: [{ type: 'inside' }],
        series: [
          {
            type: 'line',
            name: metricText(def.label, lang),
            showSymbol: points.length < 60,
            data: points.map((p) => [p.date, p.value]),
            markLine: { symbol: 'none', label: { formatter: '{b} {c}' }, lineStyle: { type: 'dashed' }, data: lines },
          },
        ],
      },
    };
  }, [def, history, t, lang]);

  const plan = base?.plans.find((p) => p.id === planId) ?? base?.plans[0];
  const calendar = useLiveQuery(async () => {
    if (!plan) return null;
    return { perDay: await completionByDay(db, plan.id, month), expected: plan.assetIds.length };
  }, [plan?.id, month]);

  return (
    <div className="page" data-testid="trends">
      <Typography.Title level={4}>{t('nav.trends')}</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            showSearch
            optionFilterProp="label"
            aria-label={t('operations.asset')}
            placeholder={t('operations.asset')}
            style={{ width: 280 }}
            value={assetId}
            onChange={(id: string) => {
              setAssetId(id);
              setMetricKey(undefined);
            }}
            options={[...(base?.assets ?? [])]
              .sort((a, b) => naturalCompare(a.name, b.name))
              .map((a) => ({ value: a.id, label: `${a.name} ${a.hostname}` }))}
          />
          <Select
            aria-label={t('operations.metric')}
            style={{ width: 200 }}
            value={def?.key}
            onChange={setMetricKey}
            options={defs
              .filter((d) => d.kind !== 'status')
              .map((d) => ({ value: d.key, label: metricText(d.label, lang) }))}
          />
          <Select
            aria-label={t('operations.range')}
            style={{ width: 140 }}
            value={range}
            onChange={setRange}
            options={(Object.keys(ranges) as (keyof typeof ranges)[]).map((key) => ({
              value: key,
              label: t(`operations.${key}`),
            }))}
          />
        </Space>
        {asset && chart && chart.points.length > 0 ? (
          <>
            <EChart option={chart.option} style={{ height: 320 }} testId="trend-chart" />
            <div className="visually-hidden" data-testid="trend-points">
              {chart.points.map((p) => `${p.date}=${p.value}`).join(' ')}
            </div>
          </>
        ) : (
          <Empty style={{ margin: 24 }} />
        )}
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('operations.calendar')}>
            <Space style={{ marginBottom: 8 }}>
              <Select
                aria-label={t('operations.plan')}
                style={{ width: 220 }}
                value={plan?.id}
                onChange={setPlanId}
                options={(base?.plans ?? []).map((p) => ({ value: p.id, label: p.name }))}
              />
              <MonthInput
                aria-label={t('operations.month')}
                value={month}
                onChange={(next) => next && setMonth(next)}
                allowClear={false}
                style={{ width: 160 }}
              />
            </Space>
            {calendar && (
              <EChart
                style={{ height: 220 }}
                testId="patrol-calendar"
                option={{
                  tooltip: {
                    formatter: (p: { data: [string, number] }) => `${p.data[0]}: ${p.data[1]} / ${calendar.expected}`,
                  },
                  visualMap: {
                    min: 0,
                    max: Math.max(1, calendar.expected),
                    orient: 'horizontal',
                    left: 'center',
                    bottom: 0,
                    inRange: { color: ['#f5f5f5', '#95de64', '#389e0d'] },
                  },
                  calendar: {
                    range: month,
                    cellSize: ['auto', 22],
                    top: 30,
                    left: 30,
                    right: 30,
                    dayLabel: { firstDay: 1, nameMap: lang.startsWith('en') ? 'EN' : 'ZH' },
                    monthLabel: { nameMap: lang.startsWith('en') ? 'EN' : 'ZH' },
                  },
                  series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: [...calendar.perDay.entries()] }],
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('operations.drift')} data-testid="drift">
            {!asset ? (
              <Empty />
            ) : drift?.drifts.length ? (
              <List
                size="small"
                dataSource={drift.drifts}
                renderItem={(d) => (
                  <List.Item>
                    {t('operations.driftLine', {
                      metric: metricLabelOf(d.key),
                      baseline: d.baseline,
                      reading: d.reading,
                    })}
                  </List.Item>
                )}
              />
            ) : (
              <Alert type="success" showIcon message={drift?.baseline ? t('operations.noDrift') : '—'} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
