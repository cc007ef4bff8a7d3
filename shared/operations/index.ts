/**
 * 服务运营 (phase 四) rules, runtime-neutral: the service calendar and SLA clocks, monthly
 * compliance and availability, patrol metrics and thresholds, anomalies becoming incidents,
 * the change workflow, carrying values forward and configuration drift. Pure functions of their
 * arguments; instants are epoch ms, calendar questions use the project's time zone (shared/date-time.ts).
 */
export * from './service-calendar';
export * from './sla-clock';
export * from './compliance';
export * from './thresholds';
export * from './anomaly';
export * from './change-workflow';
export * from './carry-forward';
export * from './drift';
export { outagesOf } from './outages';
export { defaultServiceDesign } from './service-design-defaults';
