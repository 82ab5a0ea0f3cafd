/** Renderer entry: picks the Platform (Electron's window.api when present, else the web one) and opens the store. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { CrosscheckApi } from '../shared/ipc/contract';
import { App } from './app/App';
import { createElectronPlatform } from './platform/electron-platform';
import { createWebPlatform } from './platform/web-platform';
import { CrosscheckDatabase } from './store/database';

declare global {
  interface Window {
    api?: CrosscheckApi;
  }
}

const platform = window.api ? createElectronPlatform(window.api) : createWebPlatform(import.meta.env.VITE_APP_VERSION ?? '0.1.0');
const db = new CrosscheckDatabase();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App db={db} platform={platform} />
  </StrictMode>,
);
