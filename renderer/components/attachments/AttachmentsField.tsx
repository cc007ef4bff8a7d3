import {
  CameraOutlined,
  DeleteOutlined,
  DownloadOutlined,
  ExclamationCircleOutlined,
  InboxOutlined,
  PaperClipOutlined,
  PictureOutlined,
} from '@ant-design/icons';
import { Button, Checkbox, Image, Input, Popconfirm, Spin, Typography, Upload, message } from 'antd';
import { type ClipboardEvent, type DragEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { Attachment } from '../../../shared/attachments';
import { useServices } from '../../app/services';
import {
  AttachmentError,
  type SyncHttpGetter,
  checkAttachmentSize,
  formatFileSize,
  isDisplayablePhoto,
  loadAttachmentBlob,
  storeAttachment,
  syncHttpGetter,
} from '../../data/attachments';
import { type AttachmentStrings, useAttachmentStrings } from './strings';
import { type AttachmentUrl, useAttachmentUrls } from './use-attachment-url';
import './attachments.css';

/** attachmentList() in shared/attachments.ts allows this many per field. */
const MAX_ATTACHMENTS = 200;

export interface AttachmentsFieldProps {
  /** Set by Form.Item: lands on the file input, so the field's label names it. */
  id?: string;
  value?: Attachment[];
  /** Called only once the new attachment's bytes are durable in IndexedDB. */
  onChange?(next: Attachment[]): void;
  /** The record's project: missing bytes are downloaded from the server in its name. */
  projectId: string;
  /** Read-only: view and download, no adding, editing or removing. */
  disabled?: boolean;
  /** Where missing bytes come from; default the signed-in account's server, null never downloads. */
  http?: SyncHttpGetter | null;
}

interface Progress {
  done: number;
  total: number;
  name: string;
}

/**
 * Photos and files of a record, as a form control (an antd Form.Item child). Files are added by
 * dropping them on the zone, pasting (Ctrl+V anywhere in the field) or choosing them; photos are
 * shrunk unless 保留原图 is ticked, shown as thumbnails that open a viewer, each with a caption
 * and its capture time; other files are listed for download.
 */
export function AttachmentsField({ id, value, onChange, projectId, disabled = false, http }: AttachmentsFieldProps) {
  const { db, api, sync } = useServices();
  const s = useAttachmentStrings();
  const list = useMemo(() => value ?? [], [value]);
  // The list as last emitted: files finish one after another before the parent re-renders.
  const latest = useRef(list);
  useEffect(() => {
    latest.current = list;
  }, [list]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const [keepOriginal, setKeepOriginal] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const queue = useRef({ chain: Promise.resolve(), done: 0, total: 0 });

  const photos = list.flatMap((attachment, index) => (isDisplayablePhoto(attachment) ? [{ attachment, index }] : []));
  const files = list.flatMap((attachment, index) => (isDisplayablePhoto(attachment) ? [] : [{ attachment, index }]));
  const urls = useAttachmentUrls(
    photos.map((p) => p.attachment),
    projectId,
    http === undefined ? {} : { http },
  );
  const ready = photos.flatMap((photo) => {
    const state = urls.get(photo.attachment.sha256);
    return state?.status === 'ready' ? [{ ...photo, url: state.url }] : [];
  });

  function emit(next: Attachment[]) {
    latest.current = next;
    onChangeRef.current?.(next);
  }

  async function addOne(file: File, keep: boolean): Promise<void> {
    try {
      if (latest.current.length >= MAX_ATTACHMENTS) throw new AttachmentError(s.tooMany(MAX_ATTACHMENTS));
      checkAttachmentSize(file.name, file.size);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const attachment = await storeAttachment(db, { name: file.name, type: file.type, bytes }, { keepOriginal: keep });
      if (!alive.current) return;
      if (latest.current.some((a) => a.sha256 === attachment.sha256)) {
        void message.info(s.alreadyAdded(attachment.name));
        return;
      }
      emit([...latest.current, attachment]);
    } catch (error) {
      void message.error(s.addFailed(file.name, error instanceof Error ? error.message : String(error)));
    }
  }

  /** Files are processed one at a time (a photo decoded at full size takes a lot of memory). */
  function enqueue(incoming: File[]) {
    if (disabled || incoming.length === 0) return;
    const keep = keepOriginal;
    const q = queue.current;
    q.total += incoming.length;
    for (const file of incoming) {
      q.chain = q.chain.then(async () => {
        if (alive.current) setProgress({ done: q.done, total: q.total, name: file.name });
        await addOne(file, keep);
        q.done++;
        if (q.done === q.total) {
          q.done = q.total = 0;
          if (alive.current) setProgress(null);
        }
      });
    }
    setProgress((current) => current ?? { done: q.done, total: q.total, name: incoming[0]!.name });
  }

  function onPaste(event: ClipboardEvent<HTMLDivElement>) {
    if (disabled) return;
    const pasted = clipboardFiles(event.clipboardData);
    if (pasted.length === 0) return; // text goes on to the caption inputs
    event.preventDefault();
    const now = new Date();
    enqueue(pasted.map((file, i) => namePasted(file, s.pastedName, now, pasted.length > 1 ? i + 1 : 0)));
  }

  /** Files dropped anywhere on the field (the zone handles its own), rather than the browser opening them. */
  function onDrop(event: DragEvent<HTMLDivElement>) {
    if (disabled || event.defaultPrevented) return;
    event.preventDefault();
    enqueue([...event.dataTransfer.files]);
  }

  function update(index: number, patch: Partial<Attachment>) {
    emit(latest.current.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  }

  function remove(index: number) {
    emit(latest.current.filter((_, i) => i !== index));
  }

  async function download(attachment: Attachment) {
    try {
      const blob = await loadAttachmentBlob(
        db,
        attachment,
        projectId,
        http === undefined ? syncHttpGetter(sync, api) : http,
      );
      if (!blob) {
        void message.warning(s.missing);
        return;
      }
      await api.saveFile({
        suggestedName: downloadName(attachment.name),
        bytes: new Uint8Array(await blob.arrayBuffer()),
      });
    } catch (error) {
      void message.error(s.downloadFailed(error instanceof Error ? error.message : String(error)));
    }
  }

  const removeButton = (attachment: Attachment, index: number, className?: string) => (
    <Popconfirm
      title={s.removeTitle}
      description={s.removeDescription}
      okText={s.remove}
      okButtonProps={{ danger: true }}
      cancelText={s.cancel}
      onConfirm={() => remove(index)}
    >
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        className={className}
        aria-label={`${s.remove} ${attachment.name}`}
      />
    </Popconfirm>
  );

  const captionInput = (attachment: Attachment, index: number) =>
    disabled ? (
      attachment.caption && <div className="fb-att-caption-text">{attachment.caption}</div>
    ) : (
      <Input
        size="small"
        value={attachment.caption}
        placeholder={s.captionPlaceholder}
        maxLength={500}
        aria-label={`${s.caption}：${attachment.name}`}
        onChange={(e) => update(index, { caption: e.target.value })}
      />
    );

  return (
    // Focusable (not in the tab order) so a click on the field's blank space makes Ctrl+V land here.
    <div
      className="fb-attachments"
      id={disabled ? id : undefined}
      tabIndex={-1}
      data-testid="attachments-field"
      onPaste={onPaste}
      onDragOver={(event) => {
        if (!disabled && event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={onDrop}
    >
      {!disabled && (
        <>
          <Upload.Dragger
            id={id}
            multiple
            fileList={[]}
            showUploadList={false}
            beforeUpload={(file) => {
              enqueue([file]);
              return false;
            }}
            className="fb-att-drop"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{s.dropHint}</p>
            <p className="ant-upload-hint">{s.pasteHint}</p>
          </Upload.Dragger>
          <div className="fb-att-toolbar">
            <Checkbox checked={keepOriginal} onChange={(e) => setKeepOriginal(e.target.checked)}>
              {s.keepOriginal}
            </Checkbox>
            {progress && (
              <span className="fb-att-progress" role="status" data-testid="attachments-progress">
                <Spin size="small" />{' '}
                {s.processing(Math.min(progress.done, progress.total - 1), progress.total, progress.name)}
              </span>
            )}
          </div>
        </>
      )}

      {disabled && list.length === 0 && <Typography.Text type="secondary">{s.empty}</Typography.Text>}

      {photos.length > 0 && (
        <Image.PreviewGroup
          items={ready.map((photo) => ({ src: photo.url, alt: s.photoAlt(photo.attachment.name) }))}
          preview={{
            actionsRender: (actions, info) => {
              const shown = ready[info.current]?.attachment;
              return (
                <div className="fb-att-viewer-footer">
                  {shown && (
                    <div className="fb-att-viewer-caption" data-testid="attachment-viewer-caption">
                      <div className="fb-att-viewer-title">{shown.caption || shown.name}</div>
                      <div className="fb-att-viewer-meta">
                        {shown.caption ? `${shown.name} · ` : ''}
                        {shown.takenAt ? s.takenAt(formatTakenAt(shown.takenAt)) : s.noTakenAt}
                        {shown.width > 0 ? ` · ${shown.width}×${shown.height}` : ''}
                      </div>
                    </div>
                  )}
                  {actions}
                </div>
              );
            },
          }}
        >
          <div className="fb-att-grid" data-testid="attachment-photos">
            {photos.map(({ attachment, index }) => (
              <div className="fb-att-tile" key={`${attachment.sha256}-${index}`} data-testid="attachment-photo">
                <div className="fb-att-thumb">
                  <Thumbnail attachment={attachment} state={urls.get(attachment.sha256)} strings={s} />
                  {!disabled && removeButton(attachment, index, 'fb-att-remove')}
                </div>
                {captionInput(attachment, index)}
                <div
                  className="fb-att-meta"
                  title={
                    attachment.takenAt
                      ? `${attachment.name}\n${s.takenAt(attachment.takenAt.replace('T', ' '))}`
                      : attachment.name
                  }
                >
                  {attachment.takenAt ? (
                    <>
                      <CameraOutlined aria-label={s.takenAtLabel} /> {formatTakenAt(attachment.takenAt)}
                    </>
                  ) : (
                    attachment.name
                  )}
                </div>
              </div>
            ))}
          </div>
        </Image.PreviewGroup>
      )}

      {files.length > 0 && (
        <div className="fb-att-files" data-testid="attachment-files">
          {files.map(({ attachment, index }) => (
            <div className="fb-att-file" key={`${attachment.sha256}-${index}`} data-testid="attachment-file">
              <PaperClipOutlined />
              <span className="fb-att-file-name" title={attachment.name}>
                {attachment.name}
              </span>
              <span className="fb-att-file-size">{formatFileSize(attachment.size)}</span>
              <div className="fb-att-file-caption">{captionInput(attachment, index)}</div>
              <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(attachment)}>
                {s.download}
              </Button>
              {!disabled && removeButton(attachment, index)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function Thumbnail({
  attachment,
  state,
  strings: s,
}: {
  attachment: Attachment;
  state: AttachmentUrl | undefined;
  strings: AttachmentStrings;
}): ReactNode {
  switch (state?.status) {
    case 'ready':
      return <Image src={state.url} alt={s.photoAlt(attachment.name)} width={112} height={112} />;
    case 'missing':
      return (
        <div className="fb-att-placeholder" title={attachment.name}>
          <PictureOutlined />
          <span>{s.missing}</span>
        </div>
      );
    case 'error':
      return (
        <div className="fb-att-placeholder fb-att-placeholder-error" title={state.message}>
          <ExclamationCircleOutlined />
          <span>{s.failed(state.message)}</span>
        </div>
      );
    default:
      return (
        <div className="fb-att-placeholder" aria-label={s.loading}>
          <Spin size="small" />
        </div>
      );
  }
}

/** Files on the clipboard: a screenshot, or files copied in the file manager. */
function clipboardFiles(data: DataTransfer): File[] {
  const files = [...data.files];
  if (files.length) return files;
  return [...data.items].flatMap((item) => {
    const file = item.kind === 'file' ? item.getAsFile() : null;
    return file ? [file] : [];
  });
}

const pastedExtensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
};

/** A screenshot arrives as "image.png"; it gets a name that says when it was pasted. */
function namePasted(file: File, label: string, now: Date, counter: number): File {
  const generic = !file.name || /^image\.(png|jpe?g|gif|webp|bmp)$/i.test(file.name);
  if (!generic || !file.type.startsWith('image/')) return file;
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const ext = pastedExtensions[file.type] ?? 'png';
  return new File([file], `${label}-${stamp}${counter ? `-${counter}` : ''}.${ext}`, {
    type: file.type,
    lastModified: file.lastModified,
  });
}

/** 'YYYY-MM-DDTHH:mm:ss' → 'YYYY-MM-DD HH:mm'. */
function formatTakenAt(takenAt: string): string {
  return takenAt.slice(0, 16).replace('T', ' ');
}

/** Save dialogs take at most 200 characters; the extension is kept. */
function downloadName(name: string): string {
  if (name.length <= 200) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, 200 - ext.length) + ext;
}
