// The toolbar popup: the active tab's findings with their fixes, or why there are none, and the
// "Diagnose text" box in every state.
import { useEffect } from 'preact/hooks';
import { extensionApi } from '../content/runtime/runtime-api';
import { PROVIDER_IDS, providerName } from '../providers';
import { t } from '../shared/i18n';
import { CopyReportButton } from './copy-report';
import { CopyCurlButton } from './copy-curl';
import { DiagnoseBox } from './diagnose-box';
import { DroppedNote } from './dropped-note';
import { FindingsList } from './findings-list';
import { HostAccessState } from './host-access-state';
import { loadPopupView, type PopupView } from './load-view';
import { usePopupView } from './use-popup-view';

export interface AppProps {
  /** Where the view comes from; tests pass a fixed one. */
  load?: () => Promise<PopupView>;
}

function openOptions(): void {
  void extensionApi().runtime.openOptionsPage();
}

function EmptyState() {
  return (
    <section class="state" aria-labelledby="state-heading">
      <h2 id="state-heading">{t('popupEmptyHeading')}</h2>
      <p>{t('popupEmptyText')}</p>
    </section>
  );
}

function UnsupportedState() {
  const names = PROVIDER_IDS.map(providerName);
  return (
    <section class="state" aria-labelledby="state-heading">
      <h2 id="state-heading">{t('popupUnsupportedHeading')}</h2>
      <p>{t('popupUnsupportedIntro')}</p>
      <ul class="providers">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <p>
        {t('popupUnsupportedOwnDomain')}{' '}
        <button type="button" class="link" onClick={openOptions}>
          {t('popupAddDomain')}
        </button>
      </p>
    </section>
  );
}

function Header({ view }: { view: PopupView }) {
  const tab = view.state === 'findings' || view.state === 'empty' ? view.tab : null;
  return (
    <header class="header">
      <h1>{t('extName')}</h1>
      {tab?.provider && <span class="header__provider">{providerName(tab.provider)}</span>}
    </header>
  );
}

export function App({ load = loadPopupView }: AppProps) {
  const [view, reload] = usePopupView(load);

  useEffect(() => {
    // A mark for the benchmark: the first render that shows the tab's real state.
    if (view !== null) performance.mark('wd-first-render');
  }, [view]);

  if (view === null) {
    return (
      <main class="popup" aria-busy="true">
        <p class="note">{t('popupLoading')}</p>
      </main>
    );
  }

  const tab = view.state === 'findings' || view.state === 'empty' ? view.tab : null;
  return (
    <main class="popup">
      <Header view={view} />
      <DroppedNote dropped={tab?.dropped} />
      {view.state === 'findings' && (
        <>
          <FindingsList tab={view.tab} />
          <CopyReportButton tab={view.tab} />
        </>
      )}
      {view.state === 'empty' && <EmptyState />}
      {view.state === 'no-access' && <HostAccessState hosts={view.hosts} onGranted={reload} />}
      {view.state === 'unsupported' && <UnsupportedState />}
      {view.state === 'error' && (
        <p class="note" role="alert">
          {t('popupReadError', { error: view.message })}
        </p>
      )}
      {tab?.endpointUrl && <CopyCurlButton tab={tab} />}
      <DiagnoseBox provider={tab?.provider ?? null} endpointUrl={tab?.endpointUrl ?? null} />
      <footer class="footer">
        <button type="button" class="link" onClick={openOptions}>
          {t('popupSettings')}
        </button>
      </footer>
    </main>
  );
}
