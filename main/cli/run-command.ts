/**
 * How every command-line tool ends: its main's exit code, or, when main throws something it did not expect,
 * one line naming the tool and the reason, and `failureCode`.
 */
export function runCommand(name: string, main: () => Promise<number>, failureCode = 1): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = failureCode;
    },
  );
}
