/**
 * Backups in the app: "Back up now", automatic backups after changes and on closing (where the Platform has a
 * backups folder), and "Restore from backup…". Bundles are made, and backups checked and restored, by the
 * bundle worker, so the window stays responsive; this hook holds the state and the dialog.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BackupEntry } from '../../shared/ipc/contract';
import { BundleWorkerClient } from '../bundles/bundle-worker-client';
import { bundleAuthor, loadExportSettings } from '../bundles/export-settings';
import type { Platform } from '../platform/platform';
import type { CrosscheckDatabase } from '../store/database';
import { countLibrary } from '../store/restore-commands';
import { BackupScheduler, touchesLibrary } from './backup-scheduler';
import { describeCounts, LibraryBackups, restoreAfterSafetyBackup } from './library-backups';
import { RestoreDialog, type RestoreStep } from './RestoreDialog';
import './backups.css';

export interface Backups {
  /** Whether there is a backups folder to restore from (the desktop app); the UI hides Restore otherwise. */
  canRestore: boolean;
  /** A backup by hand is being made. */
  backingUp: boolean;
  backUpNow(): void;
  openRestore(): void;
  /** The restore dialog, to render at the top level. */
  element: ReactNode;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** YYYY-MM-DD in the user's time zone (the export request's file-name date). */
function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * `onRestored` runs after the library was replaced, for what the app keeps about the library outside the
 * store (its undo history refers to records that may be gone).
 */
export function useBackups(
  db: CrosscheckDatabase,
  platform: Platform,
  notify: (tone: 'error' | 'info', text: string) => void,
  onRestored: () => void,
): Backups {
  const bundleClient = useRef<BundleWorkerClient | null>(null);
  useEffect(
    () => () => {
      bundleClient.current?.dispose();
      bundleClient.current = null;
    },
    [db],
  );
  const bundleWorker = useCallback(() => (bundleClient.current ??= new BundleWorkerClient(db.name)), [db]);

  const backups = useMemo(
    () =>
      new LibraryBackups({
        platform,
        exportLibrary: async () => {
          const [counts, settings, info] = await Promise.all([countLibrary(db), loadExportSettings(db), platform.appInfo()]);
          const result = await bundleWorker().exportFile(
            {
              format: 'bundle',
              selection: { kind: 'library' },
              scope: 'library',
              createdBy: bundleAuthor(settings.reviewerName),
              appVersion: info.version,
              contradictions: [],
              localDate: localDate(),
            },
            () => undefined,
          );
          const { data } = result.file;
          return { bytes: typeof data === 'string' ? new TextEncoder().encode(data) : data, counts };
        },
      }),
    [db, platform, bundleWorker],
  );

  // ---- Automatic backups: after changes, and the last one on closing ----
  const scheduler = useRef<BackupScheduler | null>(null);
  useEffect(() => {
    if (!platform.capabilities.backupFolder) return;
    const current = new BackupScheduler({
      backUp: async (reason) => void (await backups.backUp(reason)),
      onFailure: (error) => notify('error', `Crosscheck could not make its automatic backup: ${messageOf(error)}`),
    });
    scheduler.current = current;
    // Fired for every committed write, from this window and (through Dexie's BroadcastChannel) from the workers.
    const onMutated = (parts: ObservabilitySet) => {
      if (touchesLibrary(parts, db.name)) current.noteChange();
    };
    Dexie.on('storagemutated', onMutated);
    const stopClosing = platform.beforeClosing(() => current.finish());
    return () => {
      Dexie.on('storagemutated').unsubscribe(onMutated);
      stopClosing();
      current.dispose();
      if (scheduler.current === current) scheduler.current = null;
    };
  }, [db, platform, backups, notify]);

  // ---- Back up now ----
  const [backingUp, setBackingUp] = useState(false);
  const backUpNow = useCallback(() => {
    setBackingUp(true);
    backups
      .backUp('manual')
      .then(
        ({ kept, counts }) => {
          scheduler.current?.reset();
          notify(
            'info',
            kept.place === 'backup-folder'
              ? `Backed up the library (${describeCounts(counts)}). Restore from backup… lists it.`
              : `Saved the backup “${kept.name}” (${describeCounts(counts)}). Keep it somewhere safe; Import bundle… reads it back.`,
          );
        },
        (error: unknown) => notify('error', `Crosscheck could not back up the library: ${messageOf(error)}`),
      )
      .finally(() => setBackingUp(false));
  }, [backups, notify]);

  // ---- Restore ----
  const [restoring, setRestoring] = useState<RestoreStep | null>(null);
  // Each step's work carries its number; answers for a step the person already left are dropped.
  const job = useRef(0);

  const showList = useCallback(() => {
    const current = ++job.current;
    setRestoring({ step: 'listing' });
    platform.listBackups().then(
      (list) => job.current === current && setRestoring({ step: 'list', backups: list }),
      (error: unknown) => job.current === current && setRestoring({ step: 'failed', message: messageOf(error) }),
    );
  }, [platform]);

  const openRestore = useCallback(() => {
    if (!platform.capabilities.backupFolder) {
      notify('error', 'This version of Crosscheck has no backups folder to restore from. Import bundle… reads a backup you saved.');
      return;
    }
    showList();
  }, [platform, notify, showList]);

  const choose = useCallback(
    (entry: BackupEntry) => {
      const current = ++job.current;
      setRestoring({ step: 'checking', entry, progress: null });
      platform
        .readBackup(entry.name)
        .then((bytes) =>
          bundleWorker().checkBackup(bytes, (progress) => {
            if (job.current === current) setRestoring({ step: 'checking', entry, progress });
          }),
        )
        .then(
          (checked) => {
            if (job.current === current) setRestoring({ step: 'confirm', entry, checked });
            else bundleWorker().forget(checked.token);
          },
          (error: unknown) => job.current === current && setRestoring({ step: 'failed', entry, message: messageOf(error) }),
        );
    },
    [platform, bundleWorker],
  );

  const confirm = useCallback(() => {
    if (restoring?.step !== 'confirm') return;
    const { entry, checked } = restoring;
    const current = ++job.current;
    setRestoring({ step: 'restoring', entry, phase: 'backing-up', progress: null });
    restoreAfterSafetyBackup({
      backUpCurrent: () => backups.backUp('before-restore'),
      replace: () => {
        setRestoring({ step: 'restoring', entry, phase: 'replacing', progress: null });
        return bundleWorker().restore(checked.token, (progress) => {
          if (job.current === current) setRestoring({ step: 'restoring', entry, phase: 'replacing', progress });
        });
      },
    }).then(
      ({ safety, report }) => {
        scheduler.current?.reset();
        onRestored();
        setRestoring({ step: 'done', entry, report, safety });
      },
      (error: unknown) => {
        bundleWorker().forget(checked.token);
        setRestoring({ step: 'failed', entry, message: messageOf(error) });
      },
    );
  }, [restoring, backups, bundleWorker, onRestored]);

  const close = useCallback(() => {
    if (restoring?.step === 'restoring') return;
    if (restoring?.step === 'confirm') bundleWorker().forget(restoring.checked.token);
    job.current++;
    setRestoring(null);
  }, [restoring, bundleWorker]);

  const back = useCallback(() => {
    if (restoring?.step === 'confirm') bundleWorker().forget(restoring.checked.token);
    showList();
  }, [restoring, bundleWorker, showList]);

  const element = restoring && <RestoreDialog state={restoring} onChoose={choose} onConfirm={confirm} onBack={back} onClose={close} />;

  return { canRestore: platform.capabilities.backupFolder, backingUp, backUpNow, openRestore, element };
}
