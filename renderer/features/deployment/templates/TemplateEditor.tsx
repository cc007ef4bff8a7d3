import { ArrowDownOutlined, ArrowUpOutlined, CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  ConfigProvider,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Row,
  Space,
  Tag,
  Typography,
  message,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { assetTypes } from '../../../../shared/records/asset';
import {
  type ChecklistItem,
  type ChecklistSection,
  checklistItemSchema,
  severities,
} from '../../../../shared/records/checklist';
import { useServices } from '../../../app/services';
import { FieldWidget } from '../../../components/field-widget';
import { RoleDisabled } from '../../../components/RoleGate';
import { RecordValidationError } from '../../../data/repository';
import { fieldTitle, pickLabel } from '../../../i18n';
import { type TemplateContent, type TemplateRow, saveTemplateEdits } from './template-ops';

const ITEM_FIELDS = Object.keys(checklistItemSchema.shape).filter(
  (f) => f !== 'id' && f !== 'sectionId',
) as (keyof ChecklistItem)[];
/** The item fields as the editor shows them: commands and guidance get room to breathe. */
const ITEM_SCHEMAS: Record<string, z.ZodType> = Object.fromEntries(
  ITEM_FIELDS.map((field) => {
    const schema = (checklistItemSchema.shape as Record<string, z.ZodType>)[field]!;
    return [
      field,
      field === 'method' || field === 'guidance'
        ? schema.clone().meta({ ...schema.meta(), widget: 'textarea' })
        : schema,
    ];
  }),
);

/**
 * Edits one template: its sections and items (add, reorder, duplicate, delete) on the left,
 * the selected item on the right. Saving a template that inspections use makes a new version.
 * With `readOnlyReason` (the user's role may not edit templates) it shows the template, every
 * control disabled, the reason on the save button.
 */
export function TemplateEditor({
  template,
  onClose,
  readOnlyReason,
}: {
  template: TemplateRow | null;
  onClose(): void;
  readOnlyReason?: string | undefined;
}) {
  const { repo, db } = useServices();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [draft, setDraft] = useState<TemplateContent | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!template) return;
    setDraft({
      name: template.name,
      assetTypes: template.assetTypes,
      description: template.description,
      sections: template.sections,
      items: template.items,
    });
    setSelected(template.items[0]?.id ?? null);
    setError(undefined);
  }, [template]);

  if (!template || !draft) return <Drawer open={false} />;
  const item = draft.items.find((i) => i.id === selected) ?? null;
  const update = (patch: Partial<TemplateContent>) => setDraft({ ...draft, ...patch });
  const setItem = (id: string, patch: Partial<ChecklistItem>) =>
    update({ items: draft.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) });
  const uniqueId = (base: string) => {
    let n = 1;
    while (draft.items.some((i) => i.id === `${base}-${n}`) || draft.sections.some((s) => s.id === `${base}-${n}`)) n++;
    return `${base}-${n}`;
  };
  const addSection = () => {
    const section: ChecklistSection = {
      id: uniqueId('section'),
      title: `${t('deployment.section')} ${draft.sections.length + 1}`,
    };
    update({ sections: [...draft.sections, section] });
  };
  const addItem = (sectionId: string) => {
    const fresh = checklistItemSchema.parse({ id: uniqueId('item'), sectionId, title: t('deployment.addItem') });
    update({ items: [...draft.items, fresh] });
    setSelected(fresh.id);
  };
  const moveItem = (id: string, by: number) => {
    const sectionId = draft.items.find((i) => i.id === id)!.sectionId;
    const inSection = draft.items.filter((i) => i.sectionId === sectionId);
    const index = inSection.findIndex((i) => i.id === id);
    const target = inSection[index + by];
    if (!target) return;
    const items = [...draft.items];
    const a = items.findIndex((i) => i.id === id);
    const b = items.findIndex((i) => i.id === target.id);
    [items[a], items[b]] = [items[b]!, items[a]!];
    update({ items });
  };
  const moveSection = (id: string, by: number) => {
    const sections = [...draft.sections];
    const index = sections.findIndex((s) => s.id === id);
    if (!sections[index + by]) return;
    [sections[index], sections[index + by]] = [sections[index + by]!, sections[index]!];
    update({ sections });
  };

  async function save() {
    setSaving(true);
    setError(undefined);
    try {
      const result = await saveTemplateEdits(repo, db, template!, draft!);
      message.success(
        result.newVersion
          ? t('deployment.newVersionSaved', { version: result.row.version })
          : t('deployment.templateSaved'),
      );
      onClose();
    } catch (failure) {
      setError(failure instanceof RecordValidationError ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      open
      width={1180}
      onClose={onClose}
      title={`${template.name} V${template.version}`}
      extra={
        <RoleDisabled reason={readOnlyReason}>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('deployment.saveTemplate')}
          </Button>
        </RoleDisabled>
      }
      data-testid="template-editor"
    >
      {readOnlyReason && (
        <Alert
          data-testid="read-only-note"
          type="info"
          showIcon
          message={readOnlyReason}
          style={{ marginBottom: 12 }}
        />
      )}
      <ConfigProvider componentDisabled={readOnlyReason !== undefined}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form layout="vertical">
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item label={fieldTitle('checklistTemplates', 'name', lang)} htmlFor="template-name">
                <Input id="template-name" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item label={fieldTitle('checklistTemplates', 'assetTypes', lang)}>
                <Checkbox.Group
                  value={draft.assetTypes}
                  onChange={(value) => update({ assetTypes: value as TemplateContent['assetTypes'] })}
                  options={Object.entries(assetTypes).map(([value, label]) => ({
                    value,
                    label: pickLabel(label, lang),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <Row gutter={16}>
          <Col span={10}>
            <Space style={{ marginBottom: 8 }}>
              <Button icon={<PlusOutlined />} onClick={addSection}>
                {t('deployment.addSection')}
              </Button>
            </Space>
            {draft.sections.length === 0 && <Empty />}
            {draft.sections.map((section, sectionIndex) => (
              <div key={section.id} className="template-section">
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    aria-label={`${t('deployment.section')} ${sectionIndex + 1}`}
                    value={section.title}
                    onChange={(e) =>
                      update({
                        sections: draft.sections.map((s) =>
                          s.id === section.id ? { ...s, title: e.target.value } : s,
                        ),
                      })
                    }
                  />
                  <Button
                    icon={<ArrowUpOutlined />}
                    aria-label={t('form.moveUp')}
                    onClick={() => moveSection(section.id, -1)}
                  />
                  <Button
                    icon={<ArrowDownOutlined />}
                    aria-label={t('form.moveDown')}
                    onClick={() => moveSection(section.id, 1)}
                  />
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() =>
                      update({
                        sections: draft.sections.filter((s) => s.id !== section.id),
                        items: draft.items.filter((i) => i.sectionId !== section.id),
                      })
                    }
                  />
                </Space.Compact>
                <List
                  size="small"
                  dataSource={draft.items.filter((i) => i.sectionId === section.id)}
                  renderItem={(entry) => (
                    <List.Item
                      className={entry.id === selected ? 'template-item selected' : 'template-item'}
                      onClick={() => setSelected(entry.id)}
                      actions={[
                        <Button
                          key="up"
                          type="text"
                          size="small"
                          icon={<ArrowUpOutlined />}
                          aria-label={t('form.moveUp')}
                          onClick={(e) => (e.stopPropagation(), moveItem(entry.id, -1))}
                        />,
                        <Button
                          key="down"
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          aria-label={t('form.moveDown')}
                          onClick={(e) => (e.stopPropagation(), moveItem(entry.id, 1))}
                        />,
                        <Button
                          key="copy"
                          type="text"
                          size="small"
                          icon={<CopyOutlined />}
                          aria-label={t('deployment.duplicate')}
                          onClick={(e) => {
                            e.stopPropagation();
                            const copy = {
                              ...entry,
                              id: uniqueId(entry.id.replace(/-\d+$/, '')),
                              title: `${entry.title}（副本）`,
                            };
                            const at = draft.items.findIndex((i) => i.id === entry.id);
                            update({ items: [...draft.items.slice(0, at + 1), copy, ...draft.items.slice(at + 1)] });
                            setSelected(copy.id);
                          }}
                        />,
                        <Button
                          key="delete"
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                          onClick={(e) => (
                            e.stopPropagation(),
                            update({ items: draft.items.filter((i) => i.id !== entry.id) })
                          )}
                        />,
                      ]}
                    >
                      <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                        {entry.title}
                      </Typography.Text>{' '}
                      <Tag>{pickLabel(severities[entry.severity], lang)}</Tag>
                    </List.Item>
                  )}
                />
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => addItem(section.id)}
                  style={{ marginBottom: 12 }}
                >
                  {t('deployment.addItem')}
                </Button>
              </div>
            ))}
          </Col>
          <Col span={14}>
            {item ? (
              <Form layout="vertical" key={item.id} data-testid="template-item-form">
                <Row gutter={12}>
                  {ITEM_FIELDS.map((field) => {
                    const schema = ITEM_SCHEMAS[field]!;
                    const wide = ['method', 'guidance', 'expected', 'options', 'acceptable'].includes(field);
                    return (
                      <Col key={field} span={wide ? 24 : 12}>
                        <Form.Item label={pickLabel(schema.meta()?.label, lang)} htmlFor={`item-${field}`}>
                          <FieldWidget
                            id={`item-${field}`}
                            schema={schema}
                            language={lang}
                            value={item[field]}
                            onChange={(next) => setItem(item.id, { [field]: unwrap(next) } as Partial<ChecklistItem>)}
                          />
                        </Form.Item>
                      </Col>
                    );
                  })}
                </Row>
              </Form>
            ) : (
              <Empty />
            )}
          </Col>
        </Row>
      </ConfigProvider>
    </Drawer>
  );
}

function unwrap(value: unknown): unknown {
  if (value && typeof value === 'object' && 'target' in value)
    return (value as { target: { value: unknown } }).target.value;
  return value;
}
