import type { FileChild } from 'docx';
import { participantSides, surveyKinds, type SurveySessionFields } from '../../records/survey';
import { live, type Row } from '../data';
import type { DocumentContext } from '../kit/context';
import { figure } from '../kit/figure';
import { timeSpan } from '../kit/format';
import { dataTable } from '../kit/table';
import { heading, labelled, orDash, orderedList, paragraphs } from '../kit/text';

/** Survey sessions (调研记录) as deliverables report them: a summary table, then one section each. */

/** Sessions in the order they took place (undated ones last), deleted ones left out. */
export function sessionsInOrder(sessions: Row<SurveySessionFields>[]): Row<SurveySessionFields>[] {
  return [...live(sessions)].sort((a, b) => (a.startAt || '9999').localeCompare(b.startAt || '9999'));
}

/** The caption of the survey summary, for references to it (ctx.reference). */
export const surveySummaryKey = 'survey-summary';

export function surveySummaryTable(ctx: DocumentContext, sessions: Row<SurveySessionFields>[]): FileChild[] {
  return dataTable(ctx, {
    caption: '需求调研概况',
    captionKey: surveySummaryKey,
    columns: [
      { title: '序号', width: 7, align: 'center' },
      { title: '时间', width: 17, align: 'center' },
      { title: '形式', width: 10, align: 'center' },
      { title: '主题', width: 22 },
      { title: '地点', width: 20 },
      { title: '参与人员', width: 24 },
    ],
    rows: sessions.map((s, i) => [
      String(i + 1),
      // Date on one line, times on the next: the column stays narrow.
      orDash(timeSpan(s.startAt, s.endAt).replace(' ', '\n')),
      surveyKinds[s.kind].zh,
      s.title,
      orDash(s.place),
      orDash(s.participants.map((p) => p.name).join('、')),
    ]),
  });
}

/**
 * One session under a heading 3: who, when, where, notes, findings with the assets they concern,
 * pain points and needs, follow-ups, and its photos with captions (图 N).
 */
export function sessionSection(
  ctx: DocumentContext,
  session: Row<SurveySessionFields>,
  assetName: Map<string, string>,
): FileChild[] {
  const out: FileChild[] = [heading(session.title, 3)];
  const team = session.participants.filter((p) => p.side === 'team');
  const customer = session.participants.filter((p) => p.side === 'customer');
  const who = (list: typeof team) => list.map((p) => (p.role ? `${p.name}（${p.role}）` : p.name)).join('、');
  out.push(labelled('形式', surveyKinds[session.kind].zh));
  out.push(labelled('时间', orDash(timeSpan(session.startAt, session.endAt))));
  out.push(labelled('地点', orDash(session.place)));
  if (customer.length) out.push(labelled(`${participantSides.customer.zh}人员`, who(customer)));
  if (team.length) out.push(labelled(`${participantSides.team.zh}人员`, who(team)));
  if (session.notes.trim()) out.push(labelled('记录', ''), ...paragraphs(session.notes));
  if (session.findings.length) {
    out.push(labelled('主要发现', ''));
    out.push(
      ...orderedList(
        ctx,
        session.findings.map((f) => {
          const concerned = f.assetIds.map((id) => assetName.get(id)).filter(Boolean);
          return concerned.length ? `${f.text}（涉及：${concerned.join('、')}）` : f.text;
        }),
      ),
    );
  }
  const texts: Array<[string, string]> = [
    ['痛点', session.painPoints],
    ['明确提出的需求', session.statedNeeds],
    ['潜在需求', session.unstatedNeeds],
  ];
  for (const [label, text] of texts) if (text.trim()) out.push(labelled(label, ''), ...paragraphs(text));
  if (session.followUps.length) {
    out.push(labelled('跟进事项', ''));
    out.push(
      ...dataTable(ctx, {
        columns: [
          { title: '事项', width: 50 },
          { title: '负责人', width: 16, align: 'center' },
          { title: '期限', width: 18, align: 'center' },
          { title: '状态', width: 16, align: 'center' },
        ],
        rows: session.followUps.map((f) => [
          f.text,
          orDash(f.owner),
          orDash(f.dueDate),
          f.done === 'done' ? '已完成' : '未完成',
        ]),
      }),
    );
  }
  const photos = session.attachments.filter((a) => a.type.startsWith('image/'));
  const files = session.attachments.filter((a) => !a.type.startsWith('image/'));
  for (const photo of photos) {
    const when = photo.takenAt ? `（${photo.takenAt.slice(0, 16).replace('T', ' ')}）` : '';
    out.push(
      ...figure(ctx, {
        bytes: ctx.files.get(photo.sha256),
        name: photo.name,
        caption: `${photo.caption || session.title}${when}`,
      }),
    );
  }
  if (files.length) out.push(labelled('附件', files.map((f) => f.name).join('、')));
  return out;
}
