import { CheckCircleOutlined, CloseCircleOutlined, LockOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useOutletContext, useParams } from 'react-router';
import type { RowOf } from '../../../../shared/records';
import type { ChecklistItem, Verdict } from '../../../../shared/records/checklist';
import { verdicts } from '../../../../shared/records/checklist';
import { resultId } from '../../../../shared/records/inspection';
import { displayDateTime, nowIn } from '../../../../shared/date-time';
import { projectTimeZone } from '../../../../shared/records/project';
import { useServices } from '../../../app/services';
import { useProjectRights } from '../../../app/use-project-rights';
import { HistoryView } from '../../../components/HistoryView';
import { RecordValidationError } from '../../../data/repository';
import { pickLabel } from '../../../i18n';
import { AnswerPanel } from './AnswerPanel';
import type { ResultRow } from './inspection-queries';
import { ReopenDialog, SignOffDialog } from './SignOffDialog';
import { formatAnswer, verdictOf } from './rules';
import { authorName } from '../../../app/author';

export type Answer = Partial<Pick<ResultRow, 'value' | 'verdict' | 'remark' | 'evidence' | 'photos'>>;

const verdictIcon = {
  pass: <CheckCircleOutlined style={{ color: '#52c41a' }} />,
  fail: <CloseCircleOutlined style={{ color: '#ff4d4f' }} />,
  na: <MinusCircleOutlined style={{ color: '#8c8c8c' }} />,
};

/**
 * Filling in one inspection, keyboard first: ↑/↓ choose an item, 1/2/3 answer 合格/不合格/不适用,
 * Enter goes to the next item (or into its input); numbers and text are judged as typed.
 * Every answer is durable in IndexedDB before the next one.
 */
export function InspectionRunner() {
  const project = useOutletContext<RowOf<'projects'>>();
  const timeZone = projectTimeZone(project);
  const { inspectionId = '' } = useParams();
  const { db, repo, settings } = useServices();
  const rights = useProjectRights(project.id);
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<string>();
  const [dialog, setDialog] = useState<'sign' | 'reopen' | null>(null);
  const list = useRef<HTMLDivElement>(null);

  const data = useLiveQuery(async () => {
    const inspection = await db.inspections.get(inspectionId);
    if (!inspection) return null;
    const [template, asset, results] = await Promise.all([
      db.checklistTemplates.get(inspection.templateId),
      db.assets.get(inspection.assetId),
      db.inspectionResults.where('inspectionId').equals(inspectionId).toArray(),
    ]);
    return {
      inspection,
      template,
      asset,
      results: new Map(results.filter((r) => !r.deleted).map((r) => [r.itemId, r])),
    };
  }, [inspectionId]);

  const items = useMemo(() => {
    const template = data?.template;
    if (!template) return [];
    const order = new Map(template.sections.map((s, i) => [s.id, i]));
    return [...template.items].sort((a, b) => (order.get(a.sectionId) ?? 0) - (order.get(b.sectionId) ?? 0));
  }, [data?.template]);
  // Signed, or answers the user's role may not record (a customer contact, an observer).
  const locked = data?.inspection.status === 'signed' || !rights.may('update', 'inspectionResults');
  const item = items[current];

  const save = useCallback(
    async (target: ChecklistItem, answer: Answer) => {
      if (!data) return;
      setError(undefined);
      const previous = data.results.get(target.id);
      const merged = { value: previous?.value ?? null, photos: previous?.photos ?? [], ...answer };
      const kept = previous?.verdict ?? '';
      // An explicit verdict wins; a new value is judged afresh; a photo, a remark or pasted
      // evidence alone leaves the verdict as it was (a photo is evidence: the engineer judges).
      let verdict: Verdict | '';
      if (answer.verdict) verdict = answer.verdict;
      else if ('value' in answer) verdict = verdictOf(target, { value: merged.value, photos: merged.photos }) ?? '';
      else verdict = kept;
      try {
        await repo.saveKeyed('inspectionResults', resultId(data.inspection.id, target.id), project.id, {
          ...(previous ? {} : { inspectionId: data.inspection.id, itemId: target.id }),
          ...answer,
          verdict,
          answeredBy: authorName(settings.userName),
          answeredAt: displayDateTime(nowIn(timeZone)),
        });
      } catch (failure) {
        setError(failure instanceof RecordValidationError ? failure.message : String(failure));
        throw failure;
      }
    },
    [data, repo, project.id, settings.userName, timeZone],
  );

  const move = useCallback(
    (by: number) => setCurrent((index) => Math.min(Math.max(index + by, 0), Math.max(items.length - 1, 0))),
    [items.length],
  );

  // Keys work whenever the focus is not in a text input (there Enter saves and moves on).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, [contenteditable="true"], .ant-select, .ant-modal')) return;
      if (!item) return;
      if (event.key === 'ArrowDown') move(1);
      else if (event.key === 'ArrowUp') move(-1);
      else if (event.key === 'Enter') {
        const input = document.querySelector<HTMLInputElement>('[data-answer-input]');
        if (input && !locked) input.focus();
        else move(1);
      } else if (
        !locked &&
        (item.kind === 'passFail' || item.kind === 'photo') &&
        ['1', '2', '3'].includes(event.key)
      ) {
        const verdict = ({ '1': 'pass', '2': 'fail', '3': 'na' } as const)[event.key as '1' | '2' | '3'];
        void save(item, { verdict }).then(() => move(1));
      } else if (!locked && (item.kind === 'choice' || item.kind === 'multiChoice') && /^[0-9]$/.test(event.key)) {
        // Digits pick the numbered options; 0 is 不适用.
        if (event.key === '0') {
          void save(item, { verdict: 'na' }).then(() => move(1));
        } else {
          const option = item.options[Number(event.key) - 1];
          if (option === undefined) return;
          if (item.kind === 'choice') void save(item, { value: option, verdict: '' }).then(() => move(1));
          else {
            const chosen = Array.isArray(data?.results.get(item.id)?.value)
              ? (data!.results.get(item.id)!.value as string[])
              : [];
            void save(item, {
              value: chosen.includes(option) ? chosen.filter((o) => o !== option) : [...chosen, option],
              verdict: '',
            });
          }
        }
      } else if (
        !locked &&
        (item.kind === 'number' || item.kind === 'text') &&
        event.key.length === 1 &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey
      ) {
        // Start typing the value right away: the key lands in the item's input.
        document.querySelector<HTMLInputElement>('[data-answer-input]')?.focus();
        return;
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [item, locked, move, save, data]);

  useEffect(() => {
    list.current?.querySelector('.runner-item.current')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  if (data === undefined) return <Spin className="page" />;
  if (data === null || !data.template)
    return <Alert className="page" type="error" message={t('deployment.notFound')} />;
  const { inspection, template, asset, results } = data;
  const answered = items.filter((i) => results.get(i.id)?.verdict).length;
  const failed = items.filter((i) => results.get(i.id)?.verdict === 'fail').length;

  return (
    <div className="page" data-testid="inspection-runner">
      <Space className="page-toolbar" wrap align="center">
        <Link to={`/projects/${project.id}/inspections`}>{t('nav.inspections')}</Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {asset?.name ?? '—'}
        </Typography.Title>
        <Tag>
          {template.name} V{template.version}
        </Tag>
        {inspection.status === 'signed' && (
          <Tag icon={<LockOutlined />} color="green">
            {t('deployment.signedBy', { name: inspection.signerName, date: inspection.signedAt })}
          </Tag>
        )}
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size="large">
          <Progress style={{ width: 260 }} percent={items.length ? Math.round((answered / items.length) * 100) : 0} />
          <span data-testid="runner-progress">{t('deployment.answered', { answered, total: items.length })}</span>
          <Tag color={failed ? 'red' : 'default'} data-testid="runner-failures">
            {t('deployment.failures', { count: failed })}
          </Tag>
          {inspection.status !== 'signed' && rights.maySet('inspections', 'status', 'signed') && (
            <Button type="primary" disabled={answered < items.length} onClick={() => setDialog('sign')}>
              {t('deployment.signOff')}
            </Button>
          )}
          {inspection.status === 'signed' && rights.may('sign', 'inspections') && (
            <Button onClick={() => setDialog('reopen')}>{t('deployment.reopen')}</Button>
          )}
          <Typography.Text type="secondary">{t('deployment.keyboardHint')}</Typography.Text>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <div className="runner">
        <div
          className="runner-list"
          ref={list}
          tabIndex={0}
          role="listbox"
          aria-label={t('deployment.item')}
          data-testid="runner-items"
        >
          {template.sections.map((section) => (
            <div key={section.id}>
              <div className="runner-section">{section.title}</div>
              {items
                .filter((i) => i.sectionId === section.id)
                .map((entry) => {
                  const index = items.indexOf(entry);
                  const result = results.get(entry.id);
                  return (
                    <div
                      key={entry.id}
                      role="option"
                      aria-selected={index === current}
                      className={`runner-item${index === current ? ' current' : ''}`}
                      onClick={() => setCurrent(index)}
                      data-testid={`item-${entry.id}`}
                    >
                      <Typography.Text type="secondary">{index + 1}</Typography.Text>
                      <span className="runner-title">{entry.title}</span>
                      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 120 }}>
                        {formatAnswer(result?.value)}
                      </Typography.Text>
                      {result?.verdict ? (
                        <span title={pickLabel(verdicts[result.verdict], lang)} data-verdict={result.verdict}>
                          {verdictIcon[result.verdict]}
                        </span>
                      ) : (
                        <span data-verdict="" />
                      )}
                    </div>
                  );
                })}
            </div>
          ))}
        </div>
        {item && (
          <AnswerPanel
            key={item.id}
            item={item}
            items={items}
            result={results.get(item.id)}
            projectId={project.id}
            locked={locked}
            onSave={(answer, target = item) => save(target, answer)}
            onNext={() => move(1)}
          />
        )}
      </div>
      <Collapse
        ghost
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'history',
            label: t('common.history'),
            children: <HistoryView table="inspections" rowId={inspection.id} />,
          },
        ]}
      />
      <SignOffDialog inspection={inspection} open={dialog === 'sign'} onClose={() => setDialog(null)} />
      <ReopenDialog inspection={inspection} open={dialog === 'reopen'} onClose={() => setDialog(null)} />
    </div>
  );
}
