import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ErrorResponse } from '../../shared/sync/protocol';

/**
 * An error that becomes a response: status, a stable machine-readable `error` code and a
 * message for people (Chinese first). Every error body has the shape {error, message, requestId}:
 * the request id is also in the x-request-id header and in the request's log lines.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'bad_request') => new HttpError(400, code, message);
export const unauthorized = (message = '请先登录 / please log in') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = '你不是该项目的成员 / not a member of this project') =>
  new HttpError(403, 'forbidden', message);
export const notFound = (message = '没有找到 / not found') => new HttpError(404, 'not_found', message);

/** Validates a body, query or params with a shared zod schema; 400 with the first problem otherwise. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw badRequest(`${what}无效 / invalid ${what}: ${where}${issue?.message ?? ''}`);
}

const fastifyErrors: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: '请求内容太大 / request body too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: '不支持的内容类型 / unsupported content type',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_request', message: '请求内容为空 / empty JSON body' },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: '请求内容不是有效的 JSON / body is not valid JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    message: '请求长度与内容不符 / content-length mismatch',
  },
};

/** Turns every error into {error, message} with the right status; 5xx are logged, never explained to the client. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      void reply
        .code(error.statusCode)
        .headers(error.headers)
        .send({
          error: error.code,
          message: error.message,
          ...error.extra,
          requestId: request.id,
        } satisfies ErrorResponse);
      return;
    }
    const known = error.code ? fastifyErrors[error.code] : undefined;
    if (known) {
      void reply
        .code(known.status)
        .send({ error: known.code, message: known.message, requestId: request.id } satisfies ErrorResponse);
      return;
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const isJson = error instanceof SyntaxError;
      void reply.code(error.statusCode).send({
        error: isJson ? 'invalid_json' : 'bad_request',
        message: isJson ? fastifyErrors.FST_ERR_CTP_INVALID_JSON_BODY!.message : error.message,
        requestId: request.id,
      } satisfies ErrorResponse);
      return;
    }
    request.log.error({ err: error }, 'request failed');
    void reply.code(500).send({
      error: 'internal',
      message: '服务器内部错误，请稍后重试 / internal server error, try again later',
      requestId: request.id,
    } satisfies ErrorResponse);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({
      error: 'not_found',
      message: `没有这个接口 / no such endpoint: ${request.method} ${request.url.split('?')[0]}`,
      requestId: request.id,
    } satisfies ErrorResponse);
  });
}
