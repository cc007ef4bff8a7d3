export { AttachmentsField, type AttachmentsFieldProps } from './AttachmentsField';
export { RecordAttachmentsField } from './RecordAttachmentsField';
export {
  type AttachmentUrl,
  type AttachmentUrlOptions,
  useAttachmentUrl,
  useAttachmentUrls,
} from './use-attachment-url';
