import { useTranslation } from 'react-i18next';
import type { Gap } from '../../shared/documents/checks';
import { pickLabel } from '../i18n';

/** What a document still needs, one line each, in the UI language. */
export function GapList({ gaps }: { gaps: readonly Gap[] }) {
  const { i18n } = useTranslation();
  return (
    <ul className="missing-list">
      {gaps.map((gap) => (
        <li key={gap.zh}>{pickLabel(gap, i18n.language)}</li>
      ))}
    </ul>
  );
}
