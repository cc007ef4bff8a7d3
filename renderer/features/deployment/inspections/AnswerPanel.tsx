import { Alert, Button, Card, Checkbox, Descriptions, Input, Radio, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChecklistItem, severities, verdicts } from '../../../../shared/records/checklist';
import { AttachmentsField } from '../../../components/attachments';
import { pickLabel } from '../../../i18n';
import type { Answer } from './InspectionRunner';
import type { ResultRow } from './inspection-queries';
import { describeRule, recognisePaste, verdictOf } from './rules';

interface AnswerPanelProps {
  item: ChecklistItem;
  /** Every item of the inspection: one pasted output may fill several. */
  items: ChecklistItem[];
  result: ResultRow | undefined;
  projectId: string;
  locked: boolean;
  onSave(answer: Answer, target?: ChecklistItem): Promise<void>;
  onNext(): void;
}

const verdictColour = { pass: 'green', fail: 'red', na: 'default' } as const;

/** The current item: how to check it, what passes, and the input its kind needs. */
export function AnswerPanel({ item, items, result, projectId, locked, onSave, onNext }: AnswerPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [draft, setDraft] = useState(() =>
    result?.value === null || result?.value === undefined ? '' : String(result.value),
  );
  const [remark, setRemark] = useState(result?.remark ?? '');
  const preview =
    item.kind === 'number' || item.kind === 'text'
      ? verdictOf(item, { value: draft === '' ? null : draft, photos: [] })
      : null;
  const commit = async (answer: Answer, next = true) => {
    await onSave(answer);
    if (next) onNext();
  };
  const enterToSave = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void commit({ value: draft.trim() === '' ? null : item.kind === 'number' ? draft.trim() : draft });
    (event.target as HTMLInputElement).blur();
  };

  async function pasted(text: string) {
    if (!text.trim()) return;
    const found = recognisePaste(text, items, item.id);
    await onSave({ evidence: text });
    if (!found) {
      message.info(t('deployment.notRecognised'));
      return;
    }
    for (const fill of found.fills) {
      const target = items.find((i) => i.id === fill.itemId)!;
      await onSave({ value: fill.value }, target);
      if (target.id === item.id) setDraft(String(fill.value));
    }
    message.success(t('deployment.recognised', { parser: found.parser, count: found.fills.length }));
  }

  return (
    <Card
      className="runner-panel"
      title={item.title}
      extra={<Tag>{pickLabel(severities[item.severity], lang)}</Tag>}
      data-testid="answer-panel"
    >
      <Descriptions column={1} size="small">
        {item.method && (
          <Descriptions.Item label={t('deployment.method')}>
            <pre>{item.method}</pre>
          </Descriptions.Item>
        )}
        {item.expected && <Descriptions.Item label={t('deployment.expected')}>{item.expected}</Descriptions.Item>}
        {describeRule(item) && describeRule(item) !== item.expected && (
          <Descriptions.Item label={t('deployment.threshold')}>{describeRule(item)}</Descriptions.Item>
        )}
        {item.guidance && <Descriptions.Item label={t('deployment.guidance')}>{item.guidance}</Descriptions.Item>}
      </Descriptions>
      {locked && <Alert type="info" showIcon message={t('deployment.locked')} style={{ margin: '8px 0' }} />}
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <Space wrap>
          <Typography.Text strong>{t('deployment.value')}</Typography.Text>
          {result?.verdict ? (
            <Tag color={verdictColour[result.verdict]} data-testid="current-verdict">
              {pickLabel(verdicts[result.verdict], lang)}
            </Tag>
          ) : (
            <Tag>{t('deployment.notAnswered')}</Tag>
          )}
        </Space>
        {/* A photo is evidence: the engineer looking at it still says 合格 or 不合格. */}
        {(item.kind === 'passFail' || item.kind === 'photo') && (
          <Space className="verdict-buttons" wrap>
            {(['pass', 'fail', 'na'] as const).map((verdict, index) => (
              <Button
                key={verdict}
                disabled={locked}
                type={result?.verdict === verdict ? 'primary' : 'default'}
                danger={verdict === 'fail'}
                onClick={() => void commit({ verdict })}
              >
                {index + 1} {pickLabel(verdicts[verdict], lang)}
              </Button>
            ))}
          </Space>
        )}
        {(item.kind === 'number' || item.kind === 'text') && (
          <Space wrap>
            <Input
              data-answer-input
              aria-label={t('deployment.value')}
              disabled={locked}
              value={draft}
              inputMode={item.kind === 'number' ? 'decimal' : undefined}
              addonAfter={item.unit || undefined}
              style={{ width: 280 }}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={enterToSave}
              onBlur={() =>
                draft !== String(result?.value ?? '') && void onSave({ value: draft.trim() === '' ? null : draft })
              }
            />
            {preview && <Tag color={verdictColour[preview]}>{pickLabel(verdicts[preview], lang)}</Tag>}
            <Button disabled={locked} onClick={() => void commit({ verdict: 'na' })}>
              3 {pickLabel(verdicts.na, lang)}
            </Button>
          </Space>
        )}
        {item.kind === 'choice' && (
          <Radio.Group
            disabled={locked}
            value={result?.value ?? undefined}
            optionType="button"
            options={item.options.map((o, index) => ({ value: o, label: `${index + 1} ${o}` }))}
            onChange={(e) => void commit({ value: e.target.value as string, verdict: '' })}
          />
        )}
        {item.kind === 'multiChoice' && (
          <Checkbox.Group
            disabled={locked}
            value={Array.isArray(result?.value) ? result.value : []}
            options={item.options.map((o, index) => ({ value: o, label: `${index + 1} ${o}` }))}
            onChange={(value) => void onSave({ value: value as string[], verdict: '' })}
          />
        )}
        {item.kind === 'photo' && <Typography.Text type="secondary">{t('deployment.photos')} ↓</Typography.Text>}
        {(item.kind === 'choice' || item.kind === 'multiChoice') && (
          <Button disabled={locked} onClick={() => void commit({ verdict: 'na' })}>
            0 {pickLabel(verdicts.na, lang)}
          </Button>
        )}
        <Input.TextArea
          aria-label={t('deployment.remark')}
          placeholder={t('deployment.remark')}
          disabled={locked}
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={remark}
          onChange={(e) => setRemark(e.target.value)}
          onBlur={() => remark !== (result?.remark ?? '') && void onSave({ remark })}
        />
        {item.method && (
          <Input.TextArea
            aria-label={t('deployment.pasteOutput')}
            placeholder={`${t('deployment.pasteOutput')}：${t('deployment.pasteHint')}`}
            disabled={locked}
            autoSize={{ minRows: 2, maxRows: 8 }}
            defaultValue={result?.evidence ?? ''}
            onPaste={(e) => {
              e.preventDefault();
              const text = e.clipboardData.getData('text/plain');
              (e.target as HTMLTextAreaElement).value = text;
              void pasted(text);
            }}
            onBlur={(e) => e.target.value !== (result?.evidence ?? '') && void pasted(e.target.value)}
            data-testid="paste-output"
          />
        )}
        <div>
          <Typography.Text strong>{t('deployment.photos')}</Typography.Text>
          <AttachmentsField
            value={result?.photos ?? []}
            projectId={projectId}
            disabled={locked}
            onChange={(photos) => void onSave({ photos })}
          />
        </div>
      </Space>
    </Card>
  );
}
