import { useTranslation } from 'react-i18next';

/** The attachment control's words, kept beside it; picked by the UI language. */
const zhCN = {
  dropHint: '拖放照片或文件到这里，或点击选择',
  pasteHint: '也可以在这里粘贴截图（Ctrl+V）；照片会缩小到长边 2048 像素后保存',
  keepOriginal: '保留原图（不压缩）',
  processing: (done: number, total: number, name: string) => `正在处理 ${done + 1}/${total}：${name}`,
  caption: '说明',
  captionPlaceholder: '添加说明',
  takenAt: (time: string) => `拍摄于 ${time}`,
  takenAtLabel: '拍摄时间',
  noTakenAt: '无拍摄时间',
  remove: '删除',
  removeTitle: '删除这个附件？',
  removeDescription: '记录中将不再引用它（保存后生效）。',
  cancel: '取消',
  download: '下载',
  downloadFailed: (message: string) => `下载失败：${message}`,
  loading: '加载中…',
  missing: '附件尚未同步到本机',
  failed: (message: string) => `无法显示：${message}`,
  empty: '暂无附件',
  pastedName: '粘贴的图片',
  alreadyAdded: (name: string) => `“${name}”已在列表中，未重复添加`,
  addFailed: (name: string, message: string) => `无法添加“${name}”：${message}`,
  tooMany: (max: number) => `最多只能添加 ${max} 个附件`,
  photoAlt: (name: string) => `照片：${name}`,
};

export type AttachmentStrings = typeof zhCN;

const en: AttachmentStrings = {
  dropHint: 'Drop photos or files here, or click to choose',
  pasteHint: 'You can also paste a screenshot here (Ctrl+V); photos are stored at most 2048 px on the long edge',
  keepOriginal: 'Keep original (do not shrink)',
  processing: (done, total, name) => `Processing ${done + 1}/${total}: ${name}`,
  caption: 'Caption',
  captionPlaceholder: 'Add a caption',
  takenAt: (time) => `Taken ${time}`,
  takenAtLabel: 'Taken',
  noTakenAt: 'No capture time',
  remove: 'Remove',
  removeTitle: 'Remove this attachment?',
  removeDescription: 'The record will no longer refer to it (once saved).',
  cancel: 'Cancel',
  download: 'Download',
  downloadFailed: (message) => `Download failed: ${message}`,
  loading: 'Loading…',
  missing: 'Not yet synced to this device',
  failed: (message) => `Cannot show it: ${message}`,
  empty: 'No attachments',
  pastedName: 'Pasted image',
  alreadyAdded: (name) => `“${name}” is already in the list`,
  addFailed: (name, message) => `Could not add “${name}”: ${message}`,
  tooMany: (max) => `At most ${max} attachments`,
  photoAlt: (name) => `Photo: ${name}`,
};

export function useAttachmentStrings(): AttachmentStrings {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? en : zhCN;
}
