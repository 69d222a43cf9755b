// "Diagnose text": paste a log line, a header or a JSON body and get the same advice as on the
// page. Works on every page. The pasted text stays in this popup: it is never stored or sent.
import { useState } from 'preact/hooks';
import type { ProviderId } from '../engine/types';
import { plural, t } from '../shared/i18n';
import { DiagnosisCard } from './diagnosis-card';
import type { InputDiagnosis } from './diagnose-input';

export interface DiagnoseBoxProps {
  /** The ESP of the active tab, when known: its retry rules and advice apply. */
  provider: ProviderId | null;
  /** The webhook destination seen on the page, as a starting value. */
  endpointUrl: string | null;
}

/** What the card shows under "Seen in": each excerpt, with its line when the text has several. */
function samplesOf(result: InputDiagnosis, multiline: boolean): string[] {
  return result.excerpts.flatMap((excerpt, index) => {
    if (excerpt === '') return [];
    const line = result.lines[index];
    return [multiline && line !== undefined ? t('diagnoseSeenAt', { excerpt, line }) : excerpt];
  });
}

export function DiagnoseBox({ provider, endpointUrl }: DiagnoseBoxProps) {
  const [text, setText] = useState('');
  const [destination, setDestination] = useState(endpointUrl ?? '');
  const [results, setResults] = useState<InputDiagnosis[] | null>(null);
  // In a text of several lines an excerpt alone ("403") does not say where to look: add its line.
  const [multiline, setMultiline] = useState(false);

  async function onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    // The engine and catalog load on first use, so the popup itself opens fast.
    const { diagnoseInput } = await import('./diagnose-input');
    const url = destination.trim();
    setMultiline(/[\r\n]/.test(text.trim()));
    setResults(diagnoseInput(text, { ...(provider ? { provider } : {}), ...(url ? { endpointUrl: url } : {}) }));
  }

  return (
    <section class="diagnose" aria-labelledby="diagnose-heading">
      <h2 id="diagnose-heading">{t('diagnoseHeading')}</h2>
      <form onSubmit={(event) => void onSubmit(event)}>
        <label for="diagnose-text">{t('diagnoseTextLabel')}</label>
        <textarea
          id="diagnose-text"
          rows={4}
          spellcheck={false}
          autocomplete="off"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <label for="diagnose-endpoint">{t('diagnoseUrlLabel')}</label>
        <input
          id="diagnose-endpoint"
          type="url"
          inputMode="url"
          placeholder={t('diagnoseUrlPlaceholder')}
          value={destination}
          onInput={(event) => setDestination(event.currentTarget.value)}
        />
        <button type="submit" class="button button--primary">
          {t('diagnoseButton')}
        </button>
      </form>
      <div class="diagnose__results" aria-live="polite">
        {results !== null && results.length === 0 && <p class="note">{t('diagnoseNothing')}</p>}
        {results !== null && results.length > 0 && (
          <ul class="cards" aria-label={t('diagnoseResultsLabel')}>
            {results.map((result, index) => (
              <DiagnosisCard
                key={result.key}
                diagnosis={result.diagnosis}
                countText={plural('diagnoseSeen', result.count)}
                samples={samplesOf(result, multiline)}
                open={index === 0}
              />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
