/**
 * e-ikamet required-documents page (/Ikamet/BasvuruIstenenBelgeler/...): the items of the visible list(s). Menus,
 * tabs and dropdown lists are not documents; a hidden tab's list is not visible and is never read.
 */
import { scrub } from './privacy';
import type { Line } from './text';
import type { ReadProblem } from './types';

const NOT_CONTENT =
  'nav, header, footer, .nav, .navbar, .breadcrumb, .pagination, .dropdown-menu, .k-list, [role="navigation"], [role="listbox"], [role="tablist"], [role="menu"]';

export function readRequiredDocuments(lines: readonly Line[]): {
  requiredDocuments: string[] | null;
  problems: ReadProblem[];
} {
  const items = lines
    .filter((l) => l.el.closest('li') && !l.el.closest(NOT_CONTENT))
    .map((l) => scrub(l.raw));
  return items.length
    ? { requiredDocuments: items, problems: [] }
    : { requiredDocuments: null, problems: ['documents-list-missing'] };
}
