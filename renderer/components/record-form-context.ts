import { createContext, useContext } from 'react';

/** What a field input may need to know about the record it belongs to. */
export interface RecordFormContextValue {
  projectId: string;
  readOnly: boolean;
}

export const RecordFormContext = createContext<RecordFormContextValue>({ projectId: '', readOnly: false });

export function useRecordFormContext(): RecordFormContextValue {
  return useContext(RecordFormContext);
}
