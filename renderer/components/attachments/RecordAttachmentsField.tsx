import type { Attachment } from '../../../shared/attachments';
import { useRecordFormContext } from '../record-form-context';
import { AttachmentsField } from './AttachmentsField';

/** AttachmentsField inside a RecordForm: the project and read-only state come from the form. */
export function RecordAttachmentsField(props: {
  id?: string;
  value?: Attachment[];
  onChange?(next: Attachment[]): void;
  disabled?: boolean;
}) {
  const { projectId, readOnly } = useRecordFormContext();
  return <AttachmentsField {...props} projectId={projectId} disabled={props.disabled || readOnly} />;
}
