import i18next from 'i18next';
import type { z } from 'zod';
import type { Change } from '../../../shared/change-log';
import {
  type LoginResponse,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type ProjectsResponse,
  type PullResponse,
  type PushResponse,
  errorResponseSchema,
  type ProjectMember,
  projectMembersResponseSchema,
  putMemberResponseSchema,
  loginResponseSchema,
  projectsResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type QuotaExceeded,
  quotaExceededSchema,
} from '../../../shared/sync/protocol';
import type { MemberRole } from '../../../shared/roles';

/** A failed request, with a message for the user in the UI language. */
export class SyncHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Worth trying again later unchanged (network down, server busy). */
    readonly retryable: boolean,
    /** Set when an attachment upload met the project's storage quota on the server (413). */
    readonly quota?: QuotaExceeded,
    /** The server's error code (`user_not_found`, `last_manager` …), when it sent one. */
    readonly code?: string,
    /** The server's id of the failed request (x-request-id), which finds it in the server's log. */
    public requestId?: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

/** A request body already serialised as JSON, sent as it is. */
class JsonText {
  constructor(readonly text: string) {}
}

/** The team server's HTTP API, typed and validated by the shared protocol schemas. */
export class SyncHttp {
  constructor(
    readonly baseUrl: string,
    private readonly token: () => Promise<string | null> | string | null,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    return this.json('POST', '/v1/auth/login', loginResponseSchema, { username, password }, false);
  }

  async logout(): Promise<void> {
    await this.request('POST', '/v1/auth/logout', {});
  }

  async projects(): Promise<ProjectsResponse> {
    return this.json('GET', '/v1/projects', projectsResponseSchema);
  }

  async push(changes: Change[], seen: Record<string, number> = {}, changeSeen?: number[]): Promise<PushResponse> {
    return this.json('POST', '/v1/sync/push', pushResponseSchema, {
      changes,
      seen,
      ...(changeSeen ? { changeSeen } : {}),
    });
  }

  /**
   * The same request as push, for changes the caller has already serialised one by one (each
   * `JSON.stringify` of a wire change, as it measured the batch): the body is the text
   * JSON.stringify would make of { changes, seen, changeSeen }, without serialising them again.
   */
  async pushSerialized(
    changes: readonly string[],
    seen: Record<string, number> = {},
    changeSeen?: number[],
  ): Promise<PushResponse> {
    const body = `{"changes":[${changes.join(',')}],"seen":${JSON.stringify(seen)}${changeSeen ? `,"changeSeen":${JSON.stringify(changeSeen)}` : ''}}`;
    return this.json('POST', '/v1/sync/push', pushResponseSchema, new JsonText(body));
  }

  async pull(projectId: string, after: number, limit?: number): Promise<PullResponse> {
    const query = new URLSearchParams({ projectId, after: String(after), ...(limit ? { limit: String(limit) } : {}) });
    return this.json('GET', `/v1/sync/pull?${query}`, pullResponseSchema);
  }

  /** The project's members on the server (any member may read them). */
  async members(projectId: string): Promise<ProjectMember[]> {
    return (await this.json('GET', `/v1/projects/${projectId}/members`, projectMembersResponseSchema)).members;
  }

  /** Adds an existing server user to the project, or changes a member's role (a project manager's right). */
  async putMember(projectId: string, username: string, role: MemberRole): Promise<ProjectMember> {
    return (
      await this.json(
        'PUT',
        `/v1/projects/${projectId}/members/${encodeURIComponent(username)}`,
        putMemberResponseSchema,
        { role },
      )
    ).member;
  }

  async removeMember(projectId: string, username: string): Promise<void> {
    await this.request('DELETE', `/v1/projects/${projectId}/members/${encodeURIComponent(username)}`);
  }

  /** How much of an attachment the server has: all of it, or how many bytes of a partial upload. */
  async blobStatus(sha256: string, projectId: string): Promise<{ complete: boolean; offset: number }> {
    const response = await this.request('HEAD', `/v1/blobs/${sha256}?projectId=${projectId}`, undefined, true, [404]);
    if (response.status === 200) return { complete: true, offset: Number(response.headers.get('content-length') ?? 0) };
    return { complete: false, offset: Number(response.headers.get('upload-offset') ?? 0) };
  }

  async putBlobChunk(
    sha256: string,
    projectId: string,
    offset: number,
    total: number,
    chunk: Uint8Array,
  ): Promise<void> {
    const query = new URLSearchParams({ projectId, offset: String(offset), total: String(total) });
    await this.request('PUT', `/v1/blobs/${sha256}?${query}`, chunk);
  }

  async getBlob(sha256: string, projectId: string): Promise<Uint8Array> {
    const response = await this.request('GET', `/v1/blobs/${sha256}?projectId=${projectId}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  private async json<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
    auth = true,
  ): Promise<z.infer<S>> {
    const response = await this.request(method, path, body, auth);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new SyncHttpError(i18next.t('syncErrors.badReply'), response.status, false);
    return parsed.data;
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
    auth = true,
    okStatuses: number[] = [],
  ): Promise<Response> {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
    if (auth) {
      const token = await this.token();
      if (!token) throw new SyncHttpError(i18next.t('syncErrors.notSignedIn'), 401, false);
      headers.authorization = `Bearer ${token}`;
    }
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) {
      headers['content-type'] = 'application/octet-stream';
      payload = body as Uint8Array<ArrayBuffer>;
    } else if (body instanceof JsonText) {
      headers['content-type'] = 'application/json';
      payload = body.text;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(path, this.baseUrl), {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new SyncHttpError(i18next.t(timedOut ? 'syncErrors.timeout' : 'syncErrors.unreachable'), 0, true);
    }
    if (response.ok || okStatuses.includes(response.status)) return response;
    throw await errorFor(response);
  }
}

async function errorFor(response: Response): Promise<SyncHttpError> {
  const error = await errorOfReply(response);
  error.requestId = response.headers.get('x-request-id') ?? undefined;
  return error;
}

async function errorOfReply(response: Response): Promise<SyncHttpError> {
  const json: unknown = await response.json().catch(() => undefined);
  const body = errorResponseSchema.safeParse(json);
  const detail = body.success ? body.data.message : '';
  const code = body.success ? body.data.error : undefined;
  const quota = quotaExceededSchema.safeParse(json);
  if (quota.success) return new SyncHttpError(detail, response.status, false, quota.data, code);
  switch (response.status) {
    case 401:
      return new SyncHttpError(detail || i18next.t('syncErrors.sessionExpired'), 401, false);
    case 403:
      return new SyncHttpError(detail || i18next.t('syncErrors.forbidden'), 403, false, undefined, code);
    case 426:
      return new SyncHttpError(i18next.t('syncErrors.upgrade'), 426, false);
    case 429:
      return new SyncHttpError(detail || i18next.t('syncErrors.tooMany'), 429, true);
    default:
      if (response.status >= 500)
        return new SyncHttpError(
          i18next.t('syncErrors.serverError', { status: response.status }),
          response.status,
          true,
        );
      return new SyncHttpError(
        detail || i18next.t('syncErrors.refused', { status: response.status }),
        response.status,
        false,
        undefined,
        code,
      );
  }
}
