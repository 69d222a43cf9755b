// The active tab's findings: one card per problem, most urgent first, the first one open.
import type { TabFindings } from '../shared/messages';
import { DiagnosisCard } from './diagnosis-card';
import { countLabel, displayGroups } from './display-groups';

export function FindingsList({ tab }: { tab: TabFindings }) {
  const groups = displayGroups(tab);
  const heading = groups.length === 1 ? '1 problem on this page' : `${groups.length} problems on this page`;
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">{heading}</h2>
      <ul class="cards" aria-label="Problems found on this page">
        {groups.map((group, index) => (
          <DiagnosisCard
            key={group.key}
            diagnosis={group.diagnosis}
            countText={countLabel(group.rows, group.fields)}
            samples={group.samples}
            open={index === 0}
          />
        ))}
      </ul>
    </section>
  );
}
