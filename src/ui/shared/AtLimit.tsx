import { useFormat } from './FormatContext';

/**
 * Said under a text field once it holds as many characters as it may (`max`, its `maxLength` from the one limits
 * table): the browser cuts a longer paste there without a word, so the panel says so, and what the field shows is
 * exactly what will be stored.
 */
export function AtLimit({ value, max }: { value: string; max: number }) {
  const f = useFormat();
  if (value.length < max) return null;
  return (
    <p class="muted small" role="status" data-testid="at-limit">
      {f.t('ui_field_at_limit', { max })}
    </p>
  );
}
