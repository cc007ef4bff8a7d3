import { useOutletContext } from 'react-router';
import type { TimeZone } from '../../../shared/date-time';
import type { RowOf } from '../../../shared/records';
import { projectTimeZone } from '../../../shared/records/project';

/**
 * The time zone of the project on screen (projects.timeZone, default Asia/Shanghai): "today",
 * "now" and the SLA clocks of its pages are read in it, never in the browser's zone. Outside a
 * project (设置) it is the default zone.
 */
export function useProjectTimeZone(): TimeZone {
  const project = useOutletContext<RowOf<'projects'> | null | undefined>();
  return projectTimeZone(project);
}
