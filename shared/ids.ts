import { v7 as uuidv7 } from 'uuid';

/** A new row or change id: UUIDv7, made on the device, sorts by creation time. */
export function newId(): string {
  return uuidv7();
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
