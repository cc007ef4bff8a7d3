import { z } from 'zod';

/**
 * Validates one IPC argument. The renderer is typed against DesktopApi, but the main process
 * must not trust that: a compromised or buggy page can send anything over a channel. The error
 * names the method and every problem, so it is readable when it surfaces in the renderer.
 */
export function parseArgument<T extends z.ZodType>(method: string, schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidArgumentError(method, z.prettifyError(result.error));
  }
  return result.data;
}

export class InvalidArgumentError extends Error {
  constructor(method: string, problems: string) {
    super(`Invalid argument to ${method}:\n${problems}`);
    this.name = 'InvalidArgumentError';
  }
}
