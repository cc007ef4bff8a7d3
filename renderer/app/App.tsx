import { ProjectOutlined, SettingOutlined } from '@ant-design/icons';
import { App as AntApp, ConfigProvider, Layout, Menu } from 'antd';
// The ES builds of the locales: antd's CommonJS ones (antd/locale/*) would ship a second copy of
// en_US, which antd's own components already import from antd/es.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Navigate,
  Outlet,
  RouterProvider,
  ScrollRestoration,
  createHashRouter,
  useLocation,
  useNavigate,
} from 'react-router';
import { ProjectLayout } from '../features/projects/ProjectLayout';
import { lazyPage, PageLoading } from './lazy-page';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { SyncIndicator } from './SyncIndicator';
import { type AppServices, ServicesContext } from './services';
import './app.css';

// Every page is a chunk of its own, loaded when it is first shown (lazy-page.tsx); the shell and
// the workspace frame (ProjectLayout) are in the entry chunk, so they paint at once.
const AssetsPage = lazyPage(() => import('../features/assets/AssetsPage'), 'AssetsPage');
const DeliverablesPage = lazyPage(() => import('../features/deliverables/DeliverablesPage'), 'DeliverablesPage');
const ChangesPage = lazyPage(() => import('../features/operations/ChangesPage'), 'ChangesPage');
const CompliancePage = lazyPage(() => import('../features/operations/CompliancePage'), 'CompliancePage');
const IncidentsPage = lazyPage(() => import('../features/operations/IncidentsPage'), 'IncidentsPage');
const OpsLogPage = lazyPage(() => import('../features/operations/OpsLogPage'), 'OpsLogPage');
const PatrolPlansPage = lazyPage(() => import('../features/operations/PatrolPlansPage'), 'PatrolPlansPage');
const PatrolRoundPage = lazyPage(() => import('../features/operations/PatrolRoundPage'), 'PatrolRoundPage');
const ServiceDesignPage = lazyPage(() => import('../features/operations/ServiceDesignPage'), 'ServiceDesignPage');
const TrendsPage = lazyPage(() => import('../features/operations/TrendsPage'), 'TrendsPage');
const CutoverPage = lazyPage(() => import('../features/deployment/CutoverPage'), 'CutoverPage');
const InspectionRunner = lazyPage(
  () => import('../features/deployment/inspections/InspectionRunner'),
  'InspectionRunner',
);
const InspectionsPage = lazyPage(() => import('../features/deployment/inspections/InspectionsPage'), 'InspectionsPage');
const NonconformitiesPage = lazyPage(
  () => import('../features/deployment/inspections/NonconformitiesPage'),
  'NonconformitiesPage',
);
const PilotPage = lazyPage(() => import('../features/deployment/PilotPage'), 'PilotPage');
const TemplatesPage = lazyPage(() => import('../features/deployment/templates/TemplatesPage'), 'TemplatesPage');
const TrainingPage = lazyPage(() => import('../features/deployment/TrainingPage'), 'TrainingPage');
const CharterPage = lazyPage(() => import('../features/initiation/CharterPage'), 'CharterPage');
const FeasibilityPage = lazyPage(() => import('../features/initiation/FeasibilityPage'), 'FeasibilityPage');
const PlanPage = lazyPage(() => import('../features/initiation/PlanPage'), 'PlanPage');
const ReadinessPage = lazyPage(() => import('../features/initiation/ReadinessPage'), 'ReadinessPage');
const RequirementsPage = lazyPage(() => import('../features/initiation/RequirementsPage'), 'RequirementsPage');
const SlaPage = lazyPage(() => import('../features/initiation/SlaPage'), 'SlaPage');
const StakeholdersPage = lazyPage(() => import('../features/initiation/StakeholdersPage'), 'StakeholdersPage');
const SurveyPage = lazyPage(() => import('../features/initiation/SurveyPage'), 'SurveyPage');
const OverviewPage = lazyPage(() => import('../features/projects/OverviewPage'), 'OverviewPage');
const StartPage = lazyPage(() => import('../features/projects/StartPage'), 'StartPage');
const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const SyncPage = lazyPage(() => import('../features/sync/SyncPage'), 'SyncPage');

// Hash routes: the app is loaded from app:// in Electron and from any static server on the web.
// Each route's errorElement keeps a render error where it happened: a workspace page's error
// replaces only that page (the sidebar stays), the start page's, settings' or the workspace
// frame's only what is under the header; the root's is the last resort.
const router = createHashRouter([
  {
    element: <Shell />,
    errorElement: <RouteErrorBoundary scope="app" />,
    children: [
      { index: true, element: <StartPage />, errorElement: <RouteErrorBoundary scope="shell" /> },
      { path: 'settings', element: <SettingsPage />, errorElement: <RouteErrorBoundary scope="shell" /> },
      {
        path: 'projects/:projectId',
        element: <ProjectLayout />,
        errorElement: <RouteErrorBoundary scope="shell" />,
        children: withPageErrors([
          { index: true, element: <Navigate to="overview" replace /> },
          { path: 'overview', element: <OverviewPage /> },
          { path: 'readiness', element: <ReadinessPage /> },
          { path: 'survey', element: <SurveyPage /> },
          { path: 'stakeholders', element: <StakeholdersPage /> },
          { path: 'requirements', element: <RequirementsPage /> },
          { path: 'assets', element: <AssetsPage /> },
          { path: 'feasibility', element: <FeasibilityPage /> },
          { path: 'sla', element: <SlaPage /> },
          { path: 'charter', element: <CharterPage /> },
          { path: 'plan', element: <PlanPage /> },
          { path: 'templates', element: <TemplatesPage /> },
          { path: 'inspections', element: <InspectionsPage /> },
          { path: 'inspections/:inspectionId', element: <InspectionRunner /> },
          { path: 'nonconformities', element: <NonconformitiesPage /> },
          { path: 'training', element: <TrainingPage /> },
          { path: 'pilot', element: <PilotPage /> },
          { path: 'cutover', element: <CutoverPage /> },
          { path: 'service-design', element: <ServiceDesignPage /> },
          { path: 'patrol-plans', element: <PatrolPlansPage /> },
          { path: 'patrol', element: <PatrolRoundPage /> },
          { path: 'incidents', element: <IncidentsPage /> },
          { path: 'changes', element: <ChangesPage /> },
          { path: 'ops-log', element: <OpsLogPage /> },
          { path: 'trends', element: <TrendsPage /> },
          { path: 'compliance', element: <CompliancePage /> },
          { path: 'deliverables', element: <DeliverablesPage /> },
          { path: 'sync', element: <SyncPage /> },
        ]),
      },
    ],
  },
]);

/** Gives every workspace page its own boundary, rendered in ProjectLayout's outlet beside the sidebar. */
function withPageErrors<R extends object>(routes: R[]): (R & { errorElement: React.ReactNode })[] {
  return routes.map((route) => ({ ...route, errorElement: <RouteErrorBoundary scope="page" /> }));
}

function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <div className="shell-brand" onClick={() => navigate('/')}>
          {t('app.name')}
        </div>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[location.pathname.startsWith('/settings') ? 'settings' : 'projects']}
          onClick={({ key }) => navigate(key === 'settings' ? '/settings' : '/')}
          items={[
            { key: 'projects', icon: <ProjectOutlined />, label: t('nav.projects') },
            { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
          ]}
          style={{ flex: 1, minWidth: 0 }}
        />
        <SyncIndicator />
      </Layout.Header>
      <Layout.Content className="shell-content">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      {/* A page opens at its top (back and forward return to where it was), never scrolled down. */}
      <ScrollRestoration />
    </Layout>
  );
}

export function App({ services }: { services: AppServices }) {
  return (
    <ConfigProvider
      locale={services.settings.language === 'en' ? enUS : zhCN}
      theme={{ token: { borderRadius: 6 } }}
      // Keep "保存" as typed: antd would otherwise show two-character labels as "保 存".
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <ServicesContext.Provider value={services}>
          <RouterProvider router={router} />
        </ServicesContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
