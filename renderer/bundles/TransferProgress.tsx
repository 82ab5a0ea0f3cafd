/** A progress bar for one bundle stage, in words a person follows ("Unpacking… 42%"). */
import type { JSX } from 'react';
import type { BundleProgress, BundleStage } from '../../shared/bundles/bundle-format';

const STAGE_WORDS: Record<BundleStage, string> = {
  collecting: 'Gathering the records',
  encoding: 'Writing the records',
  packing: 'Packing the file',
  unpacking: 'Unpacking',
  checking: 'Checking every record',
  merging: 'Comparing with the library',
  writing: 'Saving to the library',
};

/**
 * `progress` null means started but not yet measured. A stage counted as one step (comparing with the
 * library) has no meaningful fraction either: both show a moving bar rather than a stuck 0%.
 */
export function TransferProgress({ progress, starting }: { progress: BundleProgress | null; starting: string }): JSX.Element {
  const fraction = progress && progress.total > 1 ? Math.min(1, progress.done / progress.total) : null;
  const words = progress ? STAGE_WORDS[progress.stage] : starting;
  return (
    <div className="bundle-progress" role="status">
      {fraction === null ? <progress aria-label={words} /> : <progress aria-label={words} max={1} value={fraction} />}
      <span>
        {words}…{fraction === null ? '' : ` ${Math.round(fraction * 100)}%`}
      </span>
    </div>
  );
}
