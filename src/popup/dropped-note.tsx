// Says so when some of the tab's findings could not be kept (src/background/tab-record.ts): the
// count and the list may then be short of what the page shows.
import type { DroppedNote as Dropped, DropReason } from '../shared/messages';

const REASON_WORDS: Record<DropReason, string> = {
  'frame-limit': 'the page has more frames than Webhook Doctor keeps per tab',
  'size-limit': "the page's findings outgrew what Webhook Doctor keeps per tab",
  'storage-full': "the browser's storage for open tabs was full",
};

export function droppedNoteText(dropped: Dropped): string {
  const what = dropped.frames > 0
    ? `The findings of ${dropped.frames} ${dropped.frames === 1 ? 'frame' : 'frames'} on this page were not kept`
    : 'Some details of the findings on this page were not kept';
  return `${what}: ${dropped.reasons.map((reason) => REASON_WORDS[reason]).join('; ')}. The count may be lower than what the page shows.`;
}

export function DroppedNote({ dropped }: { dropped: Dropped | undefined }) {
  if (!dropped) return null;
  return (
    <p class="note note--dropped" role="note" data-dropped-frames={dropped.frames}>
      {droppedNoteText(dropped)}
    </p>
  );
}
