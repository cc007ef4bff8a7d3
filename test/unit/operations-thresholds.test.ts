import { describe, expect, it } from 'vitest';
import { valueKeyLabels } from '../../shared/inspection';
import { localDateTime } from '../../shared/date-time';
import { assetTypes } from '../../shared/records/asset';
import {
  anomaliesOf,
  checkMetricDef,
  defaultFaultRules,
  defaultMetricCatalogue,
  defaultMetricsFor,
  describeFaultRule,
  describeLevel,
  evaluateEntry,
  evaluateMetric,
  incidentFromAnomaly,
  type MetricDef,
  type NumericMetricDef,
  parseMetricNumber,
  priorityForAnomaly,
  type StatusMetricDef,
} from '../../shared/operations';

const disk: NumericMetricDef = {
  key: 'disk.maxUsePercent',
  label: '磁盘使用率',
  unit: '%',
  direction: 'above',
  warning: 80,
  critical: 90,
  range: { min: 0, max: 100 },
};
const freeSpace: NumericMetricDef = {
  key: 'fs.freePercent',
  label: '剩余空间',
  unit: '%',
  direction: 'below',
  warning: 20,
  critical: 10,
};
const alarm: StatusMetricDef = {
  kind: 'status',
  key: 'hw.alarmLight',
  label: '告警灯',
  options: ['正常', '告警'],
  normal: ['正常'],
};

describe('metric values as typed', () => {
  it('reads numbers with percent signs, full-width digits and thousands separators', () => {
    expect(parseMetricNumber('85')).toBe(85);
    expect(parseMetricNumber('85%')).toBe(85);
    expect(parseMetricNumber(' 85 % ')).toBe(85);
    expect(parseMetricNumber('８５')).toBe(85);
    expect(parseMetricNumber('８５％')).toBe(85);
    expect(parseMetricNumber('1,024')).toBe(1024);
    expect(parseMetricNumber('-3.5 ℃')).toBe(-3.5);
    expect(parseMetricNumber(92)).toBe(92);
    for (const bad of ['', '约85', '85/100', '1,5', 'abc', null, undefined, Number.NaN, Number.POSITIVE_INFINITY])
      expect(parseMetricNumber(bad)).toBeNull();
  });
});

describe('evaluateMetric', () => {
  it("'above': inclusive levels — equal to the critical level is critical", () => {
    expect(evaluateMetric(disk, 79.9)).toBe('normal');
    expect(evaluateMetric(disk, 80)).toBe('warning');
    expect(evaluateMetric(disk, '89.99 %')).toBe('warning');
    expect(evaluateMetric(disk, 90)).toBe('critical');
    expect(evaluateMetric(disk, '９２％')).toBe('critical');
    expect(evaluateMetric(disk, 100)).toBe('critical');
  });

  it("'below': lower is worse, inclusive too", () => {
    expect(evaluateMetric(freeSpace, 20.5)).toBe('normal');
    expect(evaluateMetric(freeSpace, 20)).toBe('warning');
    expect(evaluateMetric(freeSpace, 10.01)).toBe('warning');
    expect(evaluateMetric(freeSpace, 10)).toBe('critical');
    expect(evaluateMetric(freeSpace, 0)).toBe('critical');
  });

  it('no reading is null; text that is no number and values out of range are invalid', () => {
    for (const empty of [null, undefined, '', '   ', Number.NaN]) expect(evaluateMetric(disk, empty)).toBeNull();
    expect(evaluateMetric(disk, 'abc')).toBe('invalid');
    expect(evaluateMetric(disk, 101)).toBe('invalid');
    expect(evaluateMetric(disk, -1)).toBe('invalid');
    // No range: any number is judged.
    expect(evaluateMetric(freeSpace, -5)).toBe('critical');
  });

  it('a missing level is not checked', () => {
    const faultDisks: NumericMetricDef = {
      key: 'storage.faultDisks',
      label: '故障盘数',
      unit: '块',
      direction: 'above',
      warning: null,
      critical: 1,
    };
    expect(evaluateMetric(faultDisks, 0)).toBe('normal');
    expect(evaluateMetric(faultDisks, 1)).toBe('critical');
    expect(evaluateMetric({ ...faultDisks, critical: null }, 5)).toBe('normal');
  });

  it('status checks: normal options, warning options, every other option critical, no option invalid', () => {
    expect(evaluateMetric(alarm, '正常')).toBe('normal');
    expect(evaluateMetric(alarm, ' 正常 ')).toBe('normal');
    expect(evaluateMetric(alarm, '告警')).toBe('critical');
    expect(evaluateMetric(alarm, '绿灯')).toBe('invalid');
    expect(evaluateMetric(alarm, '')).toBeNull();
    const backup: StatusMetricDef = {
      kind: 'status',
      key: 'backup.result',
      label: '备份',
      options: ['成功', '失败'],
      normal: ['成功'],
    };
    expect(evaluateMetric(backup, '失败')).toBe('critical');
    const service: StatusMetricDef = {
      kind: 'status',
      key: 'svc',
      label: '服务',
      options: ['Running', 'Stopped'],
      normal: ['Running'],
    };
    expect(evaluateMetric(service, 'ＲＵＮＮＩＮＧ')).toBe('normal');
    const replication = defaultMetricsFor('storage').find((def) => def.key === 'storage.replicationStatus')!;
    expect(evaluateMetric(replication, '延迟')).toBe('warning');
    expect(evaluateMetric(replication, '中断')).toBe('critical');
  });

  it('describes levels and checks definitions', () => {
    expect(describeLevel(disk, 'critical')).toBe('≥ 90%');
    expect(describeLevel(freeSpace, 'warning')).toBe('≤ 20%');
    expect(describeLevel(alarm, 'critical')).toBe('正常值：正常');
    expect(checkMetricDef(disk)).toEqual([]);
    expect(checkMetricDef({ ...disk, warning: 95 })).toEqual(['磁盘使用率：警告值应低于严重值']);
    expect(checkMetricDef({ ...freeSpace, warning: 5 })).toEqual(['剩余空间：警告值应高于严重值']);
    expect(checkMetricDef({ ...disk, warning: null, critical: null })).toEqual(['磁盘使用率：未设置警告值或严重值']);
    expect(checkMetricDef({ ...alarm, normal: ['绿'] })).toEqual(['告警灯：“绿”不是可选状态']);
  });
});

describe('default metric catalogue', () => {
  it('has sound definitions for every asset type, keys unique per type', () => {
    expect(Object.keys(defaultMetricCatalogue).sort()).toEqual(Object.keys(assetTypes).sort());
    for (const [type, defs] of Object.entries(defaultMetricCatalogue)) {
      expect(new Set(defs.map((def) => def.key)).size, type).toBe(defs.length);
      for (const def of defs) expect(checkMetricDef(def), `${type} ${def.key}`).toEqual([]);
    }
    expect(defaultMetricsFor('other')).toEqual([]);
    expect(defaultMetricsFor('nonsense')).toEqual([]);
    expect(defaultMetricsFor('server').map((def) => def.label)).toEqual([
      'CPU 使用率',
      '内存使用率',
      '磁盘使用率',
      '进风口温度',
      '系统负载（每核）',
    ]);
  });

  it('reuses inspection value keys where the patrol reads the same fact', () => {
    const reused = [
      'cpu.usedPercent',
      'memory.usedPercent',
      'disk.maxUsePercent',
      'storage.poolMaxUsedPercent',
      'storage.faultDisks',
    ];
    for (const key of reused) expect(valueKeyLabels[key], key).toBeDefined();
    const all = new Set(Object.values(defaultMetricCatalogue).flatMap((defs) => defs.map((def) => def.key)));
    for (const key of reused) expect(all.has(key), key).toBe(true);
  });
});

describe('anomalies and the incidents they become', () => {
  const server = defaultMetricsFor('server');
  const entry = {
    'disk.maxUsePercent': 92,
    'cpu.usedPercent': '85%',
    'memory.usedPercent': { value: 50, carried: true },
    'hw.temperature': 'abc',
  };

  it('evaluates an entry and picks its anomalies, critical first; invalid readings are not anomalies', () => {
    const evaluated = evaluateEntry(server, entry);
    expect(evaluated.map((metric) => [metric.def.key, metric.level, metric.carried])).toEqual([
      ['cpu.usedPercent', 'warning', false],
      ['memory.usedPercent', 'normal', true],
      ['disk.maxUsePercent', 'critical', false],
      ['hw.temperature', 'invalid', false],
      ['cpu.loadPerCore', null, false],
    ]);
    expect(anomaliesOf(evaluated).map((anomaly) => [anomaly.key, anomaly.level, anomaly.value])).toEqual([
      ['disk.maxUsePercent', 'critical', 92],
      ['cpu.usedPercent', 'warning', '85%'],
    ]);
  });

  it('grades by the default rules: critical on a high asset P2, critical P3, warning P4', () => {
    expect(priorityForAnomaly({ key: 'disk.maxUsePercent', level: 'critical' }, 'high').priority).toBe('P2');
    expect(priorityForAnomaly({ key: 'disk.maxUsePercent', level: 'critical' }, 'medium').priority).toBe('P3');
    expect(priorityForAnomaly({ key: 'disk.maxUsePercent', level: 'critical' }, undefined).priority).toBe('P3');
    expect(priorityForAnomaly({ key: 'disk.maxUsePercent', level: 'warning' }, 'high').priority).toBe('P4');
    expect(defaultFaultRules.map((rule) => describeFaultRule(rule))).toEqual([
      '任意指标 严重 · 重要程度高 → P2',
      '任意指标 严重 → P3',
      '任意指标 警告 → P4',
    ]);
  });

  it("the project's rules come first; the first match wins", () => {
    const rules = [
      {
        metricKey: 'app.serviceStatus',
        level: 'critical' as const,
        assetCriticality: 'high' as const,
        priority: 'P1' as const,
      },
      { metricKey: '*', level: 'critical' as const, priority: 'P2' as const },
      { metricKey: 'disk.maxUsePercent', level: 'critical' as const, priority: 'P1' as const },
    ];
    expect(priorityForAnomaly({ key: 'app.serviceStatus', level: 'critical' }, 'high', rules)).toMatchObject({
      priority: 'P1',
      projectRule: true,
    });
    expect(priorityForAnomaly({ key: 'app.serviceStatus', level: 'critical' }, 'low', rules).priority).toBe('P2');
    expect(priorityForAnomaly({ key: 'disk.maxUsePercent', level: 'critical' }, 'low', rules).priority).toBe('P2');
    expect(priorityForAnomaly({ key: 'disk.maxUsePercent', level: 'warning' }, 'low', rules)).toMatchObject({
      priority: 'P4',
      projectRule: false,
    });
    // Empty form fields mean "any", like '*' and an absent criticality.
    const formRules = [
      { metricKey: '', level: 'warning' as const, assetCriticality: '' as const, priority: 'P3' as const },
    ];
    expect(priorityForAnomaly({ key: 'cpu.usedPercent', level: 'warning' }, 'low', formRules)).toMatchObject({
      priority: 'P3',
      projectRule: true,
    });
    expect(describeFaultRule(formRules[0]!)).toBe('任意指标 警告 → P3');
  });

  it('writes the incident in Chinese', () => {
    const [diskAnomaly, cpuAnomaly] = anomaliesOf(evaluateEntry(server, entry));
    const incident = incidentFromAnomaly({ name: 'jnb-srv-0012', criticality: 'medium' }, diskAnomaly!, {
      observedAt: localDateTime('2026-03-16T09:40'),
    });
    expect(incident.priority).toBe('P3');
    expect(incident.title).toBe('jnb-srv-0012 磁盘使用率 92%（严重，阈值 90%）');
    expect(incident.description).toBe(
      [
        '2026-03-16 09:40 巡检发现 jnb-srv-0012 的磁盘使用率为 92%，达到严重级别（阈值：警告 ≥ 80%，严重 ≥ 90%）。',
        '资产重要程度：中。',
        '按故障分级规则（任意指标 严重 → P3，默认规则）定为 P3。',
      ].join('\n'),
    );
    expect(incidentFromAnomaly({ name: 'jnb-srv-0012', criticality: 'high' }, diskAnomaly!).priority).toBe('P2');
    expect(incidentFromAnomaly({ name: 'jnb-srv-0012' }, cpuAnomaly!).title).toBe(
      'jnb-srv-0012 CPU 使用率 85%（警告，阈值 80%）',
    );
  });

  it('status anomalies, lower-is-worse metrics and carried values read sensibly', () => {
    const [light] = anomaliesOf(evaluateEntry(defaultMetricsFor('network'), { 'hw.alarmLight': '告警' }));
    const incident = incidentFromAnomaly({ name: 'jnb-sw-01', criticality: 'high' }, light!);
    expect(incident.title).toBe('jnb-sw-01 告警灯 告警（严重）');
    expect(incident.priority).toBe('P2');
    expect(incident.description.split('\n')[0]).toBe('巡检发现 jnb-sw-01 的告警灯为“告警”（严重，正常值：正常）。');
    const [low] = anomaliesOf(evaluateEntry([freeSpace], { 'fs.freePercent': { value: 8, carried: true } }));
    const lowIncident = incidentFromAnomaly({ name: 'db01' }, low!);
    expect(lowIncident.title).toBe('db01 剩余空间 8%（严重，下限阈值 10%）');
    expect(lowIncident.description).toContain('该数值沿用上次巡检（已确认无变化），请核实现场实际情况。');
    const defs: MetricDef[] = [
      { kind: 'status', key: 'app.serviceStatus', label: '服务状态', options: ['运行', '停止'], normal: ['运行'] },
    ];
    const [stopped] = anomaliesOf(evaluateEntry(defs, { 'app.serviceStatus': '停止' }));
    const p1 = incidentFromAnomaly({ name: 'crm-app', criticality: 'high' }, stopped!, {
      rules: [{ metricKey: 'app.serviceStatus', level: 'critical', assetCriticality: 'high', priority: 'P1' }],
    });
    expect(p1.priority).toBe('P1');
    expect(p1.description).toContain('按故障分级规则（服务状态 严重 · 重要程度高 → P1）定为 P1。');
  });
});

describe('the catalogue in English', () => {
  it('has English for every metric name, status option, unit and hint of the default catalogue', async () => {
    const { defaultMetricCatalogue, metricText } = await import('../../shared/operations/thresholds');
    const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    for (const defs of Object.values(defaultMetricCatalogue)) {
      for (const def of defs) {
        const words = [def.label, def.hint ?? '', ...(def.kind === 'status' ? def.options : [def.unit])];
        for (const word of words) expect(metricText(word, 'en'), `${def.key}: ${word}`).not.toMatch(cjk);
      }
    }
    expect(metricText('CPU 使用率', 'zh-CN')).toBe('CPU 使用率');
    expect(metricText('自定义指标', 'en')).toBe('自定义指标');
  });
});
