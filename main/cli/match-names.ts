/**
 * `npm run match-names < pairs.tsv`: for each line `nameA<TAB>nameB`, prints
 * `score<TAB>same|different<TAB>nameA<TAB>nameB` from the resolver's name evidence alone (no context).
 * Exit codes: 0 done, 1 some lines were not two tab-separated names, 2 bad arguments.
 */
import { compareNames } from '../../shared/resolve/name-similarity';
import { runCommand } from './run-command';

const USAGE = 'usage: match-names < PAIRS   (one "nameA<TAB>nameB" per line)';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  if (process.argv.length > 2) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const input = (await readStdin()).replace(/^\uFEFF/, '');
  const out: string[] = [];
  let malformed = 0;
  input.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const tab = line.indexOf('\t');
    const nameA = tab === -1 ? '' : line.slice(0, tab).trim();
    const nameB = tab === -1 ? '' : line.slice(tab + 1).split('\t')[0]!.trim();
    if (!nameA || !nameB) {
      process.stderr.write(`match-names: line ${index + 1}: expected two names separated by a tab\n`);
      malformed++;
      return;
    }
    const evidence = compareNames(nameA, nameB);
    out.push(`${evidence.score.toFixed(3)}\t${evidence.same ? 'same' : 'different'}\t${nameA}\t${nameB}`);
  });
  process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
  return malformed > 0 ? 1 : 0;
}

runCommand('match-names', main);
