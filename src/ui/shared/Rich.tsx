import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../i18n/catalogue';
import { useFormat } from './FormatContext';

/**
 * A translated sentence with elements inside it (a link, a bold word): the catalogue keeps the whole sentence with
 * `{placeholders}`, so each language orders it its own way, and the elements are put where their names are.
 * Text around them is plain text (never HTML).
 */
export function Rich({ k, parts }: { k: MessageKey; parts: Readonly<Record<string, ComponentChildren>> }) {
  const f = useFormat();
  const pieces = f.raw(k).split(/\{(\w+)\}/);
  return <>{pieces.map((piece, i) => (i % 2 === 0 ? piece : (parts[piece] ?? `{${piece}}`)))}</>;
}
