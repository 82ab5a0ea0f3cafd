/**
 * Renderer entry: picks the Platform (Electron's window.api when present, else the web one), opens the
 * store (upgrading it from an earlier version if needed), then shows the app, or why the library could not
 * be opened.
 */
import { StrictMode, type JSX } from 'react';
import { createRoot } from 'react-dom/client';
import type { CrosscheckApi } from '../shared/ipc/contract';
import { App } from './app/App';
import { createElectronPlatform } from './platform/electron-platform';
import { createWebPlatform } from './platform/web-platform';
import { openCrosscheckDatabase } from './store/database';
import { describeOpenFailure } from './store/storage-errors';

declare global {
  interface Window {
    api?: CrosscheckApi;
  }
}

const platform = window.api ? createElectronPlatform(window.api) : createWebPlatform(import.meta.env.VITE_APP_VERSION ?? '0.1.0');
const root = createRoot(document.getElementById('root')!);

// Styled here rather than in app.css: this screen must stand on its own when nothing else can be shown.
const STARTUP_STYLE = { maxWidth: '40rem', margin: '15vh auto 0', padding: '0 24px', lineHeight: 1.5 } as const;
const PROBLEM_TITLE_STYLE = { margin: '12px 0 4px', fontSize: '1.3rem', textTransform: 'none', letterSpacing: 0, color: 'var(--text)' } as const;

/** Shown while the library opens (an upgrade of a large library takes a while), and when it cannot. */
function Startup({ problem, upgrading = false }: { problem?: string; upgrading?: boolean }): JSX.Element {
  return (
    <main className="startup" aria-label="Crosscheck" style={STARTUP_STYLE}>
      <h1 className="brand">Crosscheck</h1>
      {problem === undefined ? (
        <p role="status">
          {upgrading
            ? 'Updating the library for this version of Crosscheck… This happens once, and takes a few minutes for a very large library.'
            : 'Opening the library…'}
        </p>
      ) : (
        <section className="startup-problem" role="alert" aria-labelledby="startup-problem-title">
          <h2 id="startup-problem-title" style={PROBLEM_TITLE_STYLE}>
            Crosscheck cannot open your library
          </h2>
          <p>{problem}</p>
        </section>
      )}
    </main>
  );
}

root.render(<Startup />);
openCrosscheckDatabase(undefined, { onUpgrading: () => root.render(<Startup upgrading />) }).then(
  (db) =>
    root.render(
      <StrictMode>
        <App db={db} platform={platform} />
      </StrictMode>,
    ),
  (error: unknown) => root.render(<Startup problem={describeOpenFailure(error)} />),
);
