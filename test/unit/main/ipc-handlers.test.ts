import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ZIP_LIMITS } from '../../../shared/bundles/zip-archive';
import {
  BUNDLE_FILE_FILTERS,
  createIpcHandler,
  createIpcImplementations,
  IPC_CHANNELS,
  MAX_SOURCE_FILE_BYTES,
  registerIpcHandlers,
  SOURCE_FILE_FILTERS,
  UNTRUSTED_SENDER_ERROR,
  type DesktopServices,
  type IpcSenderEvent,
} from '../../../main/ipc-handlers';
import { OpenedBundleQueue } from '../../../main/open-file';
import { createTrustedUrlTest } from '../../../main/security';
import { IPC_METHODS, type IpcChannel } from '../../../shared/ipc/contract';

const appFrame = { url: 'app://crosscheck/index.html', parent: null };
const fromApp: IpcSenderEvent = { senderFrame: appFrame };
const fromForeignPage: IpcSenderEvent = { senderFrame: { url: 'https://evil.example/', parent: null } };
const fromSubFrame: IpcSenderEvent = { senderFrame: { url: 'app://crosscheck/index.html', parent: appFrame } };
const fromVanishedFrame: IpcSenderEvent = { senderFrame: null };

function fakeServices(overrides: Partial<DesktopServices> = {}): DesktopServices {
  return {
    chooseFiles: vi.fn(async () => []),
    chooseSaveLocation: vi.fn(async () => null),
    fileSize: vi.fn(async () => 10),
    readFile: vi.fn(async () => new Uint8Array([104, 105])),
    writeFile: vi.fn(async () => undefined),
    openInBrowser: vi.fn(async () => true),
    appInfo: () => ({ name: 'Crosscheck', version: '0.1.0', platform: 'linux' }),
    // Tests of the backup channels give a temporary folder; nothing else touches this one.
    backupFolder: () => path.join(tmpdir(), 'crosscheck-ipc-tests-no-backups'),
    finalBackupFinished: vi.fn(),
    takeOpenedBundlePaths: vi.fn(() => []),
    ...overrides,
  };
}

describe('createIpcHandler: the sender check', () => {
  it.each([
    ['a foreign page', fromForeignPage],
    ['a sub-frame of the app', fromSubFrame],
    ['a frame that has gone', fromVanishedFrame],
  ])('refuses %s without running the implementation', async (_label, event) => {
    const implementation = vi.fn(() => ({ name: 'x', version: '1', platform: 'linux' }));
    const log = vi.fn();
    const result = await createIpcHandler('app:info', implementation, { log })(event);
    expect(result).toEqual({ ok: false, error: UNTRUSTED_SENDER_ERROR });
    expect(implementation).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('accepts the app main frame', async () => {
    const result = await createIpcHandler('app:info', () => ({ name: 'Crosscheck', version: '1.0.0', platform: 'linux' }))(fromApp);
    expect(result).toEqual({ ok: true, value: { name: 'Crosscheck', version: '1.0.0', platform: 'linux' } });
  });

  it('uses the injected trust test (the dev server in unpackaged runs)', async () => {
    const isTrustedUrl = createTrustedUrlTest({ isPackaged: false, devServerUrl: 'http://localhost:5173' });
    const event = { senderFrame: { url: 'http://localhost:5173/', parent: null } };
    const result = await createIpcHandler('shell:open-external', () => true, { isTrustedUrl })(event, 'https://example.org');
    expect(result).toEqual({ ok: true, value: true });
  });
});

describe('createIpcHandler: argument validation', () => {
  it('refuses a save request whose name is a path, naming the field', async () => {
    const implementation = vi.fn(() => ({ saved: true }));
    const result = await createIpcHandler('file:save', implementation)(fromApp, {
      suggestedName: '../../.bashrc',
      data: 'x',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('file:save');
      expect(result.error).toContain('suggestedName');
      expect(result.error).toContain('must be a file name, not a path');
    }
    expect(implementation).not.toHaveBeenCalled();
  });

  it('refuses missing, extra and mistyped arguments', async () => {
    const open = vi.fn(() => true);
    const handler = createIpcHandler('shell:open-external', open);
    expect((await handler(fromApp)).ok).toBe(false);
    expect((await handler(fromApp, 42)).ok).toBe(false);
    expect((await handler(fromApp, 'https://example.org', 'extra')).ok).toBe(false);
    expect((await createIpcHandler('app:info', vi.fn())(fromApp, 'unexpected')).ok).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('passes validated arguments through', async () => {
    const implementation = vi.fn(() => ({ saved: true }));
    const data = new Uint8Array([1, 2, 3]);
    const result = await createIpcHandler('file:save', implementation)(fromApp, { suggestedName: 'report.md', data });
    expect(result).toEqual({ ok: true, value: { saved: true } });
    expect(implementation).toHaveBeenCalledWith({ suggestedName: 'report.md', data });
  });
});

describe('createIpcHandler: failures become results', () => {
  it('turns a thrown error into { ok: false } instead of rejecting', async () => {
    const handler = createIpcHandler('app:info', () => {
      throw new Error('disk on fire');
    });
    await expect(handler(fromApp)).resolves.toEqual({ ok: false, error: 'Crosscheck could not complete app:info: disk on fire' });
  });

  it('turns an async rejection with a non-Error into a result too', async () => {
    const handler = createIpcHandler('source:choose', () => Promise.reject('nope'));
    await expect(handler(fromApp)).resolves.toMatchObject({ ok: false });
  });
});

describe('source:choose', () => {
  it('offers every article format the importers read, plus all files, and returns names and bytes', async () => {
    const services = fakeServices({
      chooseFiles: vi.fn(async () => ['/home/ana/notes/rescue.md', '/home/ana/notes/envoy.txt']),
      readFile: vi.fn(async (file: string) => new TextEncoder().encode(`text of ${file}`)),
    });
    const handler = createIpcHandler('source:choose', createIpcImplementations(services)['source:choose']);
    const result = await handler(fromApp);
    expect(services.chooseFiles).toHaveBeenCalledWith(SOURCE_FILE_FILTERS);
    expect(SOURCE_FILE_FILTERS[0]?.extensions).toEqual(expect.arrayContaining(['txt', 'md', 'html', 'docx', 'pdf']));
    expect(SOURCE_FILE_FILTERS.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.map((file) => file.name)).toEqual(['rescue.md', 'envoy.txt']);
      expect(new TextDecoder().decode(result.value[0]?.bytes)).toBe('text of /home/ana/notes/rescue.md');
      expect(result.value[0]?.bytes).toBeInstanceOf(Uint8Array);
    }
  });

  it('returns an empty list when the dialog is cancelled', async () => {
    const result = await createIpcImplementations(fakeServices())['source:choose']();
    expect(result).toEqual([]);
  });

  it('refuses a file over 50 MB by name, before reading anything', async () => {
    const services = fakeServices({
      chooseFiles: vi.fn(async () => ['/a/small.txt', '/a/huge-dump.txt']),
      fileSize: vi.fn(async (file: string) => (file.endsWith('huge-dump.txt') ? MAX_SOURCE_FILE_BYTES + 1 : 100)),
    });
    const result = await createIpcHandler('source:choose', createIpcImplementations(services)['source:choose'])(fromApp);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('"huge-dump.txt"');
      expect(result.error).toContain('50.0 MB');
    }
    expect(services.readFile).not.toHaveBeenCalled();
  });

  it('accepts a file of exactly 50 MB', async () => {
    const services = fakeServices({
      chooseFiles: vi.fn(async () => ['/a/edge.txt']),
      fileSize: vi.fn(async () => MAX_SOURCE_FILE_BYTES),
    });
    await expect(createIpcImplementations(services)['source:choose']()).resolves.toHaveLength(1);
  });

  it('names the file it could not read', async () => {
    const services = fakeServices({
      chooseFiles: vi.fn(async () => ['/a/locked.md']),
      readFile: vi.fn(async () => {
        throw new Error('EACCES: permission denied');
      }),
    });
    const result = await createIpcHandler('source:choose', createIpcImplementations(services)['source:choose'])(fromApp);
    expect(result).toEqual({ ok: false, error: 'Could not read "locked.md": EACCES: permission denied' });
  });
});

describe('bundle:choose', () => {
  it('offers .crosscheck files under their own dialog title and returns names and bytes', async () => {
    const services = fakeServices({
      chooseFiles: vi.fn(async () => ['/home/ana/exchange/ferry-strike.crosscheck']),
      readFile: vi.fn(async () => new Uint8Array([0x50, 0x4b, 5, 6])),
    });
    const result = await createIpcHandler('bundle:choose', createIpcImplementations(services)['bundle:choose'])(fromApp);
    expect(services.chooseFiles).toHaveBeenCalledWith(BUNDLE_FILE_FILTERS, 'Import bundles');
    expect(BUNDLE_FILE_FILTERS[0]).toEqual({ name: 'Crosscheck bundles', extensions: ['crosscheck'] });
    expect(result).toEqual({ ok: true, value: [{ name: 'ferry-strike.crosscheck', bytes: new Uint8Array([0x50, 0x4b, 5, 6]) }] });
  });

  it('refuses a bundle over the bundle limit by name, in the reader’s words, before reading anything', async () => {
    const services = fakeServices({
      chooseFiles: vi.fn(async () => ['/a/small.crosscheck', '/a/everything.crosscheck']),
      fileSize: vi.fn(async (file: string) => (file.endsWith('everything.crosscheck') ? DEFAULT_ZIP_LIMITS.maxArchiveBytes + 1 : 100)),
    });
    const result = await createIpcHandler('bundle:choose', createIpcImplementations(services)['bundle:choose'])(fromApp);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('"everything.crosscheck"');
      expect(result.error).toContain('Crosscheck opens bundles up to 500 MB');
      expect(result.error).toContain('Nothing was imported.');
    }
    expect(services.readFile).not.toHaveBeenCalled();
  });

  it('accepts a bundle larger than the 50 MB source limit', async () => {
    const services = fakeServices({
      chooseFiles: vi.fn(async () => ['/a/library.crosscheck']),
      fileSize: vi.fn(async () => MAX_SOURCE_FILE_BYTES * 4),
    });
    await expect(createIpcImplementations(services)['bundle:choose']()).resolves.toHaveLength(1);
  });
});

describe('file:save', () => {
  it('asks where to save with the suggested name and filters, then writes the data', async () => {
    const services = fakeServices({ chooseSaveLocation: vi.fn(async () => '/home/ana/report.md') });
    const filters = [{ name: 'Markdown', extensions: ['md'] }];
    const result = await createIpcImplementations(services)['file:save']({ suggestedName: 'report.md', data: '# Report', filters });
    expect(services.chooseSaveLocation).toHaveBeenCalledWith('report.md', filters);
    expect(services.writeFile).toHaveBeenCalledWith('/home/ana/report.md', '# Report');
    expect(result).toEqual({ saved: true });
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const services = fakeServices();
    const result = await createIpcImplementations(services)['file:save']({ suggestedName: 'a.csv', data: 'x' });
    expect(result).toEqual({ saved: false });
    expect(services.writeFile).not.toHaveBeenCalled();
  });
});

describe('app:info and shell:open-external', () => {
  it('app:info reports name, version and platform', async () => {
    const handler = createIpcHandler('app:info', createIpcImplementations(fakeServices())['app:info']);
    await expect(handler(fromApp)).resolves.toEqual({
      ok: true,
      value: { name: 'Crosscheck', version: '0.1.0', platform: 'linux' },
    });
  });

  it('opens safe web links, normalised', async () => {
    const services = fakeServices();
    await expect(createIpcImplementations(services)['shell:open-external']('HTTPS://Example.org')).resolves.toBe(true);
    expect(services.openInBrowser).toHaveBeenCalledWith('https://example.org/');
  });

  it('answers with what the opener did, so a link main refused to open is reported as not opened', async () => {
    const services = fakeServices({ openInBrowser: vi.fn(async () => false) });
    await expect(createIpcImplementations(services)['shell:open-external']('https://example.org/')).resolves.toBe(false);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'https://u:p@example.org/'])(
    'does not open %s',
    async (url) => {
      const services = fakeServices();
      await expect(createIpcImplementations(services)['shell:open-external'](url)).resolves.toBe(false);
      expect(services.openInBrowser).not.toHaveBeenCalled();
    },
  );
});

describe('registerIpcHandlers', () => {
  it('registers a checked handler for every channel of the contract', async () => {
    const handlers = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: vi.fn((channel: string, listener: never) => void handlers.set(channel, listener)) };
    registerIpcHandlers(ipcMain, createIpcImplementations(fakeServices()));

    const contractChannels: IpcChannel[] = Object.values(IPC_METHODS);
    expect([...handlers.keys()].sort()).toEqual([...contractChannels].sort());
    expect([...IPC_CHANNELS].sort()).toEqual([...contractChannels].sort());

    for (const [, handler] of handlers) {
      await expect(handler(fromForeignPage)).resolves.toEqual({ ok: false, error: UNTRUSTED_SENDER_ERROR });
    }
    await expect(handlers.get('app:info')?.(fromApp)).resolves.toMatchObject({ ok: true });
  });
});

describe('backup channels', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'crosscheck-ipc-backups-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const zipBytes = (label: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode(label)]);

  function backupHandlers(overrides: Partial<DesktopServices> = {}) {
    const implementations = createIpcImplementations(fakeServices({ backupFolder: () => path.join(root, 'backups'), ...overrides }));
    return {
      write: createIpcHandler('backup:write', implementations['backup:write']),
      list: createIpcHandler('backup:list', implementations['backup:list']),
      read: createIpcHandler('backup:read', implementations['backup:read']),
    };
  }

  it('writes a backup, lists it and reads it back', async () => {
    const { write, list, read } = backupHandlers();
    const written = await write(fromApp, 'manual', zipBytes('library'));
    expect(written).toMatchObject({ ok: true, value: { reason: 'manual', bytes: 11 } });
    if (!written.ok) return;
    expect(written.value.name).toMatch(/^crosscheck-backup-.*-manual\.crosscheck$/);
    expect(new Uint8Array(await readFile(path.join(root, 'backups', written.value.name)))).toEqual(zipBytes('library'));

    await expect(list(fromApp)).resolves.toEqual({ ok: true, value: [written.value] });
    await expect(read(fromApp, written.value.name)).resolves.toEqual({ ok: true, value: { name: written.value.name, bytes: zipBytes('library') } });
  });

  it('keeps the newest ten automatic backups as more are written, one write at a time', async () => {
    const { write, list } = backupHandlers();
    // Asked for all at once: written one after the other, each under its own name.
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => write(fromApp, 'auto', zipBytes(`change ${i}`))));
    expect(results.every((result) => result.ok)).toBe(true);
    const listed = await list(fromApp);
    expect(listed.ok && listed.value).toHaveLength(10);
  });

  it.each([
    ['an unknown reason', ['weekly', new Uint8Array([0x50, 0x4b, 3, 4])], 'argument 1'],
    ['bytes sent as text', ['auto', 'PK..'], 'argument 2'],
    ['bytes sent as a plain array', ['auto', [0x50, 0x4b, 3, 4]], 'argument 2'],
    ['no bytes', ['auto'], 'backup:write'],
    ['an extra argument', ['auto', new Uint8Array([0x50, 0x4b, 3, 4]), 'extra'], 'backup:write'],
  ])('backup:write refuses %s, writing nothing', async (_label, args, named) => {
    const { write, list } = backupHandlers();
    const result = await write(fromApp, ...args);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(named);
    await expect(list(fromApp)).resolves.toEqual({ ok: true, value: [] });
  });

  it('backup:write refuses bytes that are not a bundle, and a bundle too large to restore', async () => {
    const { write, list } = backupHandlers();
    const text = await write(fromApp, 'auto', new TextEncoder().encode('just text'));
    expect(text).toEqual({ ok: false, error: 'The backup was not written: what Crosscheck was given is not a bundle (not a zip file).' });
    const huge = zipBytes('pretend');
    Object.defineProperty(huge, 'byteLength', { value: DEFAULT_ZIP_LIMITS.maxArchiveBytes + 1 });
    const tooLarge = await write(fromApp, 'auto', huge);
    expect(tooLarge.ok).toBe(false);
    if (!tooLarge.ok) expect(tooLarge.error).toMatch(/more than the 500\.0 MB Crosscheck could restore/);
    await expect(list(fromApp)).resolves.toEqual({ ok: true, value: [] });
  });

  it('says where a backup could not be written, and that the library is unchanged', async () => {
    await writeFile(path.join(root, 'backups'), 'a file where the folder should be');
    const { write } = backupHandlers();
    const result = await write(fromApp, 'quit', zipBytes('library'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(`The backup could not be written to ${path.join(root, 'backups')}`);
      expect(result.error).toContain('The library itself is unchanged.');
    }
  });

  it.each(['../../.ssh/id_rsa', '/etc/passwd', 'notes.txt', 'crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck/../x', `${'a'.repeat(300)}.crosscheck`])(
    'backup:read refuses the name %s before touching the disk',
    async (name) => {
      const backupFolder = vi.fn(() => path.join(root, 'backups'));
      const { read } = backupHandlers({ backupFolder });
      const result = await read(fromApp, name);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('backup:read');
      expect(backupFolder).not.toHaveBeenCalled();
    },
  );

  it('backup:read says when the backup is gone', async () => {
    const { read } = backupHandlers();
    const result = await read(fromApp, 'crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck');
    expect(result).toEqual({
      ok: false,
      error: 'The backup “crosscheck-backup-2025-03-07T12-30-05-123Z-auto.crosscheck” is no longer in the backups folder. Choose another backup.',
    });
  });

  it('backup:final-done lets the close or quit go on, and takes no arguments', async () => {
    const finalBackupFinished = vi.fn();
    const done = createIpcHandler('backup:final-done', createIpcImplementations(fakeServices({ finalBackupFinished }))['backup:final-done']);
    expect((await done(fromApp, 'now')).ok).toBe(false);
    expect(finalBackupFinished).not.toHaveBeenCalled();
    await expect(done(fromApp)).resolves.toEqual({ ok: true, value: null });
    expect(finalBackupFinished).toHaveBeenCalledTimes(1);
  });
});

describe('bundle:take-opened', () => {
  it('reads the bundles opened with Crosscheck, naming each one it could not open, and opens the rest', async () => {
    const queue = new OpenedBundleQueue();
    queue.add(['/home/ana/ferry-strike.crosscheck', '/home/ana/everything.crosscheck', '/home/ana/locked.crosscheck']);
    const services = fakeServices({
      takeOpenedBundlePaths: () => queue.take(),
      fileSize: vi.fn(async (file: string) => (file.endsWith('everything.crosscheck') ? DEFAULT_ZIP_LIMITS.maxArchiveBytes + 1 : 4)),
      readFile: vi.fn(async (file: string) => {
        if (file.endsWith('locked.crosscheck')) throw new Error('EACCES: permission denied');
        return new Uint8Array([0x50, 0x4b, 3, 4]);
      }),
    });
    const take = createIpcHandler('bundle:take-opened', createIpcImplementations(services)['bundle:take-opened']);
    const result = await take(fromApp);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.files).toEqual([{ name: 'ferry-strike.crosscheck', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) }]);
    expect(result.value.problems).toHaveLength(2);
    expect(result.value.problems[0]).toMatch(/^"everything\.crosscheck": .*Crosscheck opens bundles up to 500 MB/);
    expect(result.value.problems[1]).toBe('Could not open "locked.crosscheck": EACCES: permission denied');
    expect(services.readFile).not.toHaveBeenCalledWith('/home/ana/everything.crosscheck');
    // Taken once: asking again gives nothing until another file is opened.
    await expect(take(fromApp)).resolves.toEqual({ ok: true, value: { files: [], problems: [] } });
    expect((await take(fromApp, 'extra')).ok).toBe(false);
  });
});
