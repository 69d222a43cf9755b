// The active tab's findings, triaged at a glance: one line per problem (code, short title, rows
// affected, "Needs you" or "Retries by itself"), what needs the person first; each line opens its
// full card. Keyboard: arrows (and Home/End) move through the lines, Enter or Space opens one,
// Escape closes it and returns to its line.
import { useRef, useState } from 'preact/hooks';
import type { FindingKind } from '../engine/types';
import { plural, t, type MessageName } from '../shared/i18n';
import type { TabFindings } from '../shared/messages';
import { DiagnosisDetails } from './diagnosis-card';
import { severityOf } from '../engine/finding-model';
import { actionOf, countLabel, displayGroups, type Action, type DisplayGroup } from './display-groups';

const MARKS: Record<Action, MessageName> = { 'needs-you': 'markNeedsYou', retries: 'markRetries' };

/** The line's tag: the HTTP code, or what kind of problem it is (the title names the problem). */
const KIND_TAGS: Record<Exclude<FindingKind, 'http'>, MessageName> = {
  credential: 'tagToken',
  json: 'tagJson',
  network: 'tagNetwork',
  'rate-limit': 'tagLimit',
};

function lineTag(group: DisplayGroup): string {
  const { code, kind } = group.diagnosis;
  if (kind === 'http') return code === null ? t('tagHttp') : String(code);
  return t(KIND_TAGS[kind]);
}

function summary(groups: readonly DisplayGroup[]): string {
  const needsYou = groups.filter((g) => actionOf(g.diagnosis) === 'needs-you').length;
  const retries = groups.length - needsYou;
  const parts = [];
  if (needsYou > 0) parts.push(plural('popupNeedYou', needsYou));
  if (retries > 0) parts.push(plural('popupRetries', retries));
  return parts.join(' · ');
}

/** A DOM-safe id part for a diagnosis key (`http:403` → `http-403`). */
const idOf = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '-');

export function FindingsList({ tab }: { tab: TabFindings }) {
  const groups = displayGroups(tab);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const heading = plural('popupProblemCount', groups.length);

  const lines = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('.triage__line') ?? [])];
  function focusLine(index: number): void {
    const all = lines();
    all[(index + all.length) % all.length]?.focus();
  }

  function onKeyDown(event: KeyboardEvent): void {
    const all = lines();
    const current = all.findIndex((line) => line === document.activeElement);
    const item = (event.target as HTMLElement).closest<HTMLElement>('li[data-key]');
    if (event.key === 'Escape' && openKey !== null && item?.dataset.key === openKey) {
      event.preventDefault();
      setOpenKey(null);
      item.querySelector<HTMLButtonElement>('.triage__line')?.focus();
      return;
    }
    if (current < 0) return;
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: all.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusLine(moves[event.key]!);
    }
  }

  return (
    <section class="triage" aria-labelledby="findings-heading">
      <h2 id="findings-heading">{heading}</h2>
      <p class="triage__summary">{summary(groups)}</p>
      <ul class="triage__list" aria-label={t('popupProblemsLabel')} ref={list} onKeyDown={onKeyDown}>
        {groups.map((group) => {
          const open = openKey === group.key;
          const action = actionOf(group.diagnosis);
          const id = idOf(group.key);
          return (
            <li key={group.key} class={`triage__item tone--${severityOf(group.diagnosis)}`} data-key={group.key} data-action={action}>
              <button
                type="button"
                class="triage__line"
                id={`line-${id}`}
                aria-expanded={open}
                aria-controls={`card-${id}`}
                onClick={() => setOpenKey(open ? null : group.key)}
              >
                <span class="triage__code">{lineTag(group)}</span>
                <span class="triage__title">{group.diagnosis.short || group.diagnosis.title}</span>
                <span class="triage__count">{countLabel(group.rows, group.fields)}</span>
                <span class={`triage__mark triage__mark--${action}`}>{t(MARKS[action])}</span>
              </button>
              <div class="triage__card" id={`card-${id}`} role="region" aria-labelledby={`line-${id}`} hidden={!open}>
                <p class="triage__full-title">{group.diagnosis.title}</p>
                <DiagnosisDetails diagnosis={group.diagnosis} samples={group.samples} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
