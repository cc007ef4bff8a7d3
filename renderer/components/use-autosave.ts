import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { showErrors } from './form-errors';
import { type EditTarget, recordUnsaved } from './unsaved-edits';

const AUTOSAVE_DELAY_MS = 1200;

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

/**
 * Collects changed fields and writes them a moment after the last change, or right away on
 * flush: when a field is left, the window is hidden or closed, the drawer closes, the route
 * changes or the form goes away. Saves run one after another, each taking what is queued when it
 * starts: a patch the repository refused goes back into the queue before the next save reads
 * it, so it travels with the change that makes it valid (a status that needs another field)
 * instead of racing it.
 *
 * The state says 保存中 from the first keystroke until IndexedDB has confirmed every queued
 * field, and 已保存 only then. Until confirmed, the fields are also kept in localStorage (see
 * unsaved-edits.ts), which survives a reload that cuts the write short.
 */
export function useAutosave(
  save: ((patch: Record<string, unknown>) => Promise<unknown>) | null,
  target: EditTarget | null,
  form: FormInstance,
  fields: z.ZodObject,
  fieldNames: readonly string[],
  setState: (state: SaveState) => void,
) {
  const pending = useRef<Record<string, unknown>>({});
  /** Fields of the save under way: still the user's values until it has been stored. */
  const saving = useRef<Record<string, unknown>>({});
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** The queue was refused and nothing changed since: saving it again would only be refused again. */
  const refused = useRef(false);
  const saveRef = useRef(save);
  saveRef.current = save;
  const targetKey = target ? `${target.table}:${target.id}:${target.projectId}` : '';
  const targetRef = useRef(target);
  targetRef.current = target;

  const journal = useCallback(() => {
    if (targetRef.current) recordUnsaved(targetRef.current, { ...saving.current, ...pending.current });
  }, []);

  const saveQueued = useCallback(async () => {
    // A refusal puts the field's error on screen, which moves the focus and flushes again: without
    // this the same patch would go round and round (and the state never settle).
    if (refused.current || !saveRef.current || Object.keys(pending.current).length === 0) return;
    const patch = pending.current;
    pending.current = {};
    saving.current = patch;
    setState({ kind: 'saving' });
    try {
      await saveRef.current(patch);
      saving.current = {};
      journal();
      form.setFields(Object.keys(patch).map((name) => ({ name, errors: [] })));
      // Typed on while this save ran: that is not stored yet.
      setState(Object.keys(pending.current).length > 0 ? { kind: 'saving' } : { kind: 'saved', at: new Date() });
    } catch (error) {
      // Keep what was refused queued: it goes again with the next change (which may be the one
      // that makes it valid, e.g. a status that needs another field), so no input is dropped.
      pending.current = { ...patch, ...pending.current };
      saving.current = {};
      refused.current = true;
      journal();
      const text = showErrors(form, fields, fieldNames, error, () => undefined);
      setState({ kind: 'error', message: text });
    }
  }, [form, fields, fieldNames, setState, journal]);

  /** Resolves true once everything typed is stored, false when the repository refused some of it. */
  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    const run = chain.current.then(saveQueued);
    chain.current = run.catch(() => undefined);
    return run.then(() => Object.keys(pending.current).length === 0);
  }, [saveQueued]);

  const queue = useCallback(
    (changed: Record<string, unknown>) => {
      Object.assign(pending.current, changed);
      refused.current = false;
      journal();
      setState({ kind: 'saving' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, journal, setState],
  );

  // Save before the window goes away: closing, reloading, switching away, the laptop sleeping.
  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      // Unmount: a closed drawer, another route. The write goes on without the form.
      void flush();
    };
  }, [flush, targetKey]);

  const isPending = useCallback((name: string) => name in pending.current || name in saving.current, []);
  return useMemo(() => ({ queue, flush, isPending }), [queue, flush, isPending]);
}
