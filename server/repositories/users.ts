import type { Kysely } from 'kysely';
import { newId } from '../../shared/ids';
import type { Database, UsersTable } from '../db/schema';

export interface User {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  createdAt: number;
}

/** Usernames are compared trimmed and lower-cased. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

function toUser(row: UsersTable): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    disabled: row.disabled !== 0,
    createdAt: row.created_at,
  };
}

export async function insertUser(
  db: Kysely<Database>,
  input: { username: string; displayName: string; passwordHash: string; now: number },
): Promise<User> {
  const row: UsersTable = {
    id: newId(),
    username: normalizeUsername(input.username),
    display_name: input.displayName,
    password_hash: input.passwordHash,
    disabled: 0,
    created_at: input.now,
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

export async function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', normalizeUsername(username))
    .executeTakeFirst();
  return row && { ...toUser(row), passwordHash: row.password_hash };
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toUser);
}

export async function updatePasswordHash(db: Kysely<Database>, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/**
 * Replaces a hash with a stronger one of the same password, unless it was changed meanwhile
 * (a reset between the login's read and this write wins). True when it was replaced.
 */
export async function upgradePasswordHash(
  db: Kysely<Database>,
  userId: string,
  previousHash: string,
  passwordHash: string,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .where('password_hash', '=', previousHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setUserDisabled(db: Kysely<Database>, userId: string, disabled: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled: disabled ? 1 : 0 })
    .where('id', '=', userId)
    .execute();
}
