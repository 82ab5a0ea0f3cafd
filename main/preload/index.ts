/**
 * The sandboxed preload: exposes exactly one object, `window.api`, and nothing of ipcRenderer itself.
 * Built as a self-contained CommonJS file (out/preload/index.cjs) because sandboxed preloads cannot load ESM
 * or anything from node_modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createCrosscheckApi } from './crosscheck-api';

contextBridge.exposeInMainWorld('api', createCrosscheckApi(ipcRenderer));
