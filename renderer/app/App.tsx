import { ProjectOutlined, SettingOutlined } from '@ant-design/icons';
import { App as AntApp, ConfigProvider, Layout, Menu } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, RouterProvider, ScrollRestoration, createHashRouter, useLocation, useNavigate } from 'react-router';
import { AssetsPage } from '../features/assets/AssetsPage';
import { DeliverablesPage } from '../features/deliverables/DeliverablesPage';
import { ChangesPage } from '../features/operations/ChangesPage';
import { CompliancePage } from '../features/operations/CompliancePage';
import { IncidentsPage } from '../features/operations/IncidentsPage';
import { OpsLogPage } from '../features/operations/OpsLogPage';
import { PatrolPlansPage } from '../features/operations/PatrolPlansPage';
import { PatrolRoundPage } from '../features/operations/PatrolRoundPage';
import { ServiceDesignPage } from '../features/operations/ServiceDesignPage';
import { TrendsPage } from '../features/operations/TrendsPage';
import { CutoverPage } from '../features/deployment/CutoverPage';
import { InspectionRunner } from '../features/deployment/inspections/InspectionRunner';
import { InspectionsPage } from '../features/deployment/inspections/InspectionsPage';
import { NonconformitiesPage } from '../features/deployment/inspections/NonconformitiesPage';
import { PilotPage } from '../features/deployment/PilotPage';
import { TemplatesPage } from '../features/deployment/templates/TemplatesPage';
import { TrainingPage } from '../features/deployment/TrainingPage';
import { CharterPage } from '../features/initiation/CharterPage';
import { FeasibilityPage } from '../features/initiation/FeasibilityPage';
import { PlanPage } from '../features/initiation/PlanPage';
import { ReadinessPage } from '../features/initiation/ReadinessPage';
import { RequirementsPage } from '../features/initiation/RequirementsPage';
import { SlaPage } from '../features/initiation/SlaPage';
import { StakeholdersPage } from '../features/initiation/StakeholdersPage';
import { SurveyPage } from '../features/initiation/SurveyPage';
import { OverviewPage } from '../features/projects/OverviewPage';
import { ProjectLayout } from '../features/projects/ProjectLayout';
import { StartPage } from '../features/projects/StartPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { SyncIndicator } from './SyncIndicator';
import { type AppServices, ServicesContext } from './services';
import './app.css';

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
        <Outlet />
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
