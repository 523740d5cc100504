import { useEffect, useState } from 'preact/hooks';
import type { Refusal } from '../../messaging';
import { useFormat } from '../shared/FormatContext';
import { onRefusal, saidText } from '../shared/refusal';

/**
 * The panel's one line for a change the background refused that had no message line of its own (a checkbox, a
 * select): the refusal's sentence in the panel's language, until dismissed or the next refusal. `onShown` lets the
 * panel draw its controls again from what is stored (a refused checkbox un-ticks itself).
 */
export function RefusalLine({ onShown }: { onShown?: () => void }) {
  const f = useFormat();
  const [last, setLast] = useState<Refusal | null>(null);
  useEffect(
    () =>
      onRefusal((r) => {
        setLast(r);
        onShown?.();
      }),
    [onShown],
  );
  if (!last) return null;
  return (
    <p class="error refusal-line" role="alert" data-testid="refusal-line">
      {saidText(f, last)}{' '}
      <button type="button" class="link" onClick={() => setLast(null)}>
        {f.t('ui_refusal_dismiss')}
      </button>
    </p>
  );
}
