import { Button, Space, Typography, message } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useLocation, useNavigate, useParams, useRouteError } from 'react-router';
import { StatusMessage } from '../components/StatusMessage';
import { workspacePages } from './workspace-nav';

/**
 * Where a render error stops: 'page' inside the project workspace (the sidebar stays, so the
 * user goes on to another page), 'shell' under the header (start page, settings, the workspace
 * frame itself), 'app' at the root when even the shell failed.
 */
export type ErrorScope = 'page' | 'shell' | 'app';

/**
 * The route's errorElement: says in the UI language what failed, offers a way back and the
 * details to copy for a bug report. React Router drops the error on the next navigation, so
 * leaving the page (sidebar, header, the buttons here) clears it.
 */
export function RouteErrorBoundary({ scope }: { scope: ErrorScope }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { projectId } = useParams();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const details = errorDetails(error, location.pathname);
  const detailsRef = useRef<HTMLPreElement>(null);

  // The console keeps the original error with its stack for whoever opens the developer tools.
  useEffect(() => {
    if (!notFound) console.error(error);
  }, [error, notFound]);

  // /projects/:id/<page>: name the page that failed by its title in the sidebar.
  const segment = location.pathname.split('/')[3] ?? '';
  const page = workspacePages.find((p) => p.path === segment);
  const title = notFound
    ? t('errors.notFound')
    : page
      ? t('errors.pageFailed', { page: t(page.titleKey) })
      : t('errors.somethingFailed');
  const onOverview = segment === 'overview';
  const overview = projectId && !onOverview && scope === 'page' ? `/projects/${projectId}/overview` : null;

  async function copyDetails() {
    try {
      await navigator.clipboard.writeText(details);
      void message.success(t('errors.copied'));
    } catch {
      // No clipboard (permission refused): select the text so Ctrl+C copies it.
      const pre = detailsRef.current;
      if (pre) window.getSelection()?.selectAllChildren(pre);
      void message.warning(t('errors.copyFailed'));
    }
  }

  const reload = () => {
    // The app itself failed: a fresh start of the window; otherwise render this route again.
    if (scope === 'app') window.location.reload();
    else void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  };

  return (
    <div className="page route-error" data-testid="route-error" role="alert">
      <StatusMessage
        status={notFound ? 'notFound' : 'error'}
        title={title}
        subTitle={notFound ? undefined : t(scope === 'page' ? 'errors.pageHint' : 'errors.appHint')}
        extra={
          <Space wrap>
            {overview ? (
              <Button type="primary" onClick={() => void navigate(overview)}>
                {t('errors.backToOverview')}
              </Button>
            ) : (
              <Button type="primary" onClick={() => void navigate('/')}>
                {t('nav.backToProjects')}
              </Button>
            )}
            {!notFound && <Button onClick={reload}>{t('errors.reload')}</Button>}
          </Space>
        }
      />
      {!notFound && (
        <div className="route-error-details">
          <Space style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('errors.details')}</Typography.Text>
            <Button size="small" onClick={() => void copyDetails()}>
              {t('errors.copyDetails')}
            </Button>
          </Space>
          <pre ref={detailsRef} data-testid="route-error-details">
            {details}
          </pre>
        </div>
      )}
    </div>
  );
}

/** What a bug report needs: where, the message, the stack. Kept as the error says it (not translated). */
export function errorDetails(error: unknown, where: string): string {
  const lines = [`${where}`];
  if (isRouteErrorResponse(error))
    lines.push(
      `${error.status} ${error.statusText}`,
      typeof error.data === 'string' ? error.data : JSON.stringify(error.data),
    );
  else if (error instanceof Error)
    lines.push(
      error.stack?.includes(error.message) ? error.stack : `${error.name}: ${error.message}\n${error.stack ?? ''}`,
    );
  else lines.push(String(error));
  return lines.join('\n').trim();
}
