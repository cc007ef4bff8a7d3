import type { Change } from '../../shared/change-log';
import { formatHlc } from '../../shared/hlc';
import { newId } from '../../shared/ids';

/**
 * The device id of changes the server itself makes (a project created with add-project). Not a
 * device's id (those are hex), so no device ever takes it for its own unsent work.
 */
export const SERVER_DEVICE_ID = 'server';
export const SERVER_AUTHOR = '管理员';

/**
 * A change written by the server, stamped with its clock like a device's: it goes into the
 * project's log through applyChanges like any push, so every member pulls it.
 */
export function serverChange(input: {
  projectId: string;
  table: string;
  rowId: string;
  fields: Record<string, unknown>;
  now: number;
}): Change {
  return {
    changeId: newId(),
    projectId: input.projectId,
    table: input.table,
    rowId: input.rowId,
    fields: input.fields,
    hlc: formatHlc({ millis: input.now, counter: 0 }, SERVER_DEVICE_ID),
    author: SERVER_AUTHOR,
    deviceId: SERVER_DEVICE_ID,
  };
}
