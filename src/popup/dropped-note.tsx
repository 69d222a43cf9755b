// Says so when some of the tab's findings could not be kept (src/background/tab-record.ts): the
// count and the list may then be short of what the page shows.
import { plural, t, type MessageName } from '../shared/i18n';
import type { DroppedNote as Dropped, DropReason } from '../shared/messages';

const REASON_WORDS: Record<DropReason, MessageName> = {
  'frame-limit': 'droppedFrameLimit',
  'size-limit': 'droppedSizeLimit',
  'storage-full': 'droppedStorageFull',
};

export function droppedNoteText(dropped: Dropped): string {
  const what = dropped.frames > 0 ? plural('droppedFrames', dropped.frames) : t('droppedDetails');
  return t('droppedNote', { what, reasons: dropped.reasons.map((reason) => t(REASON_WORDS[reason])).join('; ') });
}

export function DroppedNote({ dropped }: { dropped: Dropped | undefined }) {
  if (!dropped) return null;
  return (
    <p class="note note--dropped" role="note" data-dropped-frames={dropped.frames}>
      {droppedNoteText(dropped)}
    </p>
  );
}
