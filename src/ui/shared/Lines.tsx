import { getSource, type SourceId } from '../../domain/sources';
import type { Line } from '../../domain/text';
import { useFormat, type Format } from './FormatContext';

/** The small "[source]" links after a rule: each jumps to the source's line in the Sources card. */
export function SourceRefs({ ids, weak }: { ids: readonly SourceId[]; weak?: boolean }) {
  const f = useFormat();
  if (ids.length === 0 && !weak) return null;
  return (
    <span class="refs">
      {weak && (
        <span class="weak" title={f.t('ui_weak_title')}>
          {f.t('ui_weak')}
        </span>
      )}
      {ids.map((id) => (
        <a
          key={id}
          class="ref"
          href={`#src-${id}`}
          title={`${getSource(id).title}: ${getSource(id).reference ?? ''}`}
        >
          [{shortName(id, f)}]
        </a>
      ))}
    </span>
  );
}

function shortName(id: SourceId, f: Format): string {
  const s = getSource(id);
  const art = /Art\. [\d()]+/.exec(s.reference ?? '');
  if (id.startsWith('law-6458')) return f.t('ui_source_law', { article: art ? art[0] : '' }).trim();
  return s.short ?? s.title;
}

export function LineText({ line }: { line: Line }) {
  const f = useFormat();
  return (
    <>
      {f.line(line)} <SourceRefs ids={line.sources} weak={line.weak} />
    </>
  );
}

export function LineList({ lines, class: cls }: { lines: readonly Line[]; class?: string }) {
  if (lines.length === 0) return null;
  return (
    <ul class={cls ?? 'lines'}>
      {lines.map((l, i) => (
        <li key={`${l.text}-${i}`}>
          <LineText line={l} />
        </li>
      ))}
    </ul>
  );
}
