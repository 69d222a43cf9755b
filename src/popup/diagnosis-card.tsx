// One problem, expandable: its plain meaning, whether it fixes itself, the steps, where to look,
// and the (redacted) rows it was seen in. <details>/<summary> gives keyboard and screen-reader
// support without any script.
import type { Diagnosis } from '../engine/types';
import { severityOf } from '../engine/finding-model';
import { isolate, t } from '../shared/i18n';

export interface DiagnosisCardProps {
  diagnosis: Diagnosis;
  /** "7 rows", "2 fields", "seen 1 time"; empty to leave out. */
  countText: string;
  /** Safe texts that show where it was seen. */
  samples: readonly string[];
  open?: boolean;
}

/** The full card of one problem: meaning, retry outlook, steps, where to look, where it was seen. */
export function DiagnosisDetails({ diagnosis, samples }: { diagnosis: Diagnosis; samples: readonly string[] }) {
  return (
    <div class="card__body">
      {diagnosis.meaning && <p class="card__meaning">{diagnosis.meaning}</p>}
      {diagnosis.receiver && (
        <p class="card__receiver" data-field={diagnosis.receiver.field ?? ''}>
          <strong>{t('cardReceiverSays')}</strong> {t('cardReceiverMessage', { message: isolate(diagnosis.receiver.message) })}
          {diagnosis.receiver.field && ` ${t('cardReceiverField', { field: isolate(diagnosis.receiver.field) })}`}
        </p>
      )}
      {diagnosis.retry.text && (
        <p class="card__retry">
          <strong>{t('cardWillRetry')}</strong> {diagnosis.retry.text}
        </p>
      )}
      {diagnosis.steps.length > 0 && (
        <>
          <h3 class="card__heading">{t('cardHowToFix')}</h3>
          <ol class="card__steps">
            {diagnosis.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {diagnosis.whereToLook && (
        <p class="card__where">
          <strong>{t('cardWhereToLook')}</strong> {diagnosis.whereToLook}
        </p>
      )}
      {samples.length > 0 && (
        <>
          <h3 class="card__heading">{t('cardSeenIn')}</h3>
          <ul class="card__samples">
            {samples.map((sample) => (
              <li key={sample}>
                <code>{sample}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function DiagnosisCard({ diagnosis, countText, samples, open = false }: DiagnosisCardProps) {
  return (
    <li class={`card card--${severityOf(diagnosis)}`} data-key={diagnosis.key}>
      <details open={open}>
        <summary>
          <span class="card__title">{diagnosis.title}</span>
          {/* The short words gloss the title, as on the badge; how often comes last. */}
          {diagnosis.short && <span class="card__short">{diagnosis.short}</span>}
          {countText && <span class="card__count">{countText}</span>}
        </summary>
        <DiagnosisDetails diagnosis={diagnosis} samples={samples} />
      </details>
    </li>
  );
}
