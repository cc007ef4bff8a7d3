import { Alert, Button, Form, Input, Modal, Spin } from 'antd';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayDateTime, nowIn, todayIn } from '../../../../shared/date-time';
import { useServices } from '../../../app/services';
import { DateInput } from '../../../components/date-inputs';
import { useProjectTimeZone } from '../../projects/use-project-time';
import type { SignaturePadHandle } from '../../../components/SignaturePad';
import { storeAttachment } from '../../../data/attachments';
import { RecordValidationError } from '../../../data/repository';
import type { InspectionRow } from './inspection-queries';
import { authorName } from '../../../app/author';

/** The signature pad is a chunk loaded when the dialog first opens, not with the inspection pages. */
const SignaturePad = lazy(async () => ({ default: (await import('../../../components/SignaturePad')).SignaturePad }));

/** The customer's representative signs on screen; the inspection is then locked. */
export function SignOffDialog({
  inspection,
  open,
  onClose,
}: {
  inspection: InspectionRow;
  open: boolean;
  onClose(): void;
}) {
  const { db, repo } = useServices();
  const { t } = useTranslation();
  const timeZone = useProjectTimeZone();
  const pad = useRef<SignaturePadHandle>(null);
  const [drawn, setDrawn] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function sign(values: { signerName: string; signerTitle: string; signedAt: string }) {
    setBusy(true);
    setError(undefined);
    try {
      const png = await pad.current?.toPng();
      if (!png) throw new RecordValidationError([{ field: 'signature', message: t('deployment.signatureRequired') }]);
      const signature = await storeAttachment(
        db,
        { name: `签名-${values.signerName}.png`, type: 'image/png', bytes: png },
        { keepOriginal: true },
      );
      await repo.update('inspections', inspection.id, { ...values, status: 'signed', signature: [signature] });
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('deployment.signOffTitle')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      <Form
        layout="vertical"
        initialValues={{ signedAt: todayIn(timeZone), signerName: '', signerTitle: '' }}
        onFinish={(v) => void sign(v)}
      >
        <Form.Item label={t('deployment.signHere')}>
          <Suspense fallback={<Spin />}>
            <SignaturePad
              ref={pad}
              clearLabel={t('deployment.clear')}
              hint={t('deployment.signHere')}
              onChange={setDrawn}
            />
          </Suspense>
        </Form.Item>
        <Form.Item
          name="signerName"
          label={t('deployment.signerName')}
          rules={[{ required: true, message: t('deployment.signerRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="signerTitle" label={t('deployment.signerTitle')}>
          <Input />
        </Form.Item>
        <Form.Item name="signedAt" label={t('deployment.signedAt')} rules={[{ required: true }]}>
          <DateInput allowClear={false} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!drawn}>
          {t('deployment.sign')}
        </Button>
      </Form>
    </Modal>
  );
}

/** Reopening a signed inspection needs a reason; it is kept in the inspection and its history. */
export function ReopenDialog({
  inspection,
  open,
  onClose,
}: {
  inspection: InspectionRow;
  open: boolean;
  onClose(): void;
}) {
  const { repo, settings } = useServices();
  const { t } = useTranslation();
  const timeZone = useProjectTimeZone();
  const [error, setError] = useState<string>();
  async function reopen({ reason }: { reason: string }) {
    try {
      await repo.update('inspections', inspection.id, {
        status: 'inProgress',
        reopenings: [
          ...inspection.reopenings,
          { reason, by: authorName(settings.userName), at: displayDateTime(nowIn(timeZone)) },
        ],
      });
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }
  return (
    <Modal open={open} title={t('deployment.reopenTitle')} footer={null} onCancel={onClose} destroyOnHidden>
      <Form layout="vertical" onFinish={(v) => void reopen(v)}>
        <Form.Item
          name="reason"
          label={t('deployment.reopenReason')}
          rules={[{ required: true, whitespace: true, message: t('deployment.reopenReasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit">
          {t('deployment.reopen')}
        </Button>
      </Form>
    </Modal>
  );
}
